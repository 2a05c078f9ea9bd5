import { html } from 'lit';

// Each icon is one static template (no parts, no whitespace nodes), so an element clones it in one
// piece: a page of buttons pays no nested template instances for it. Decorative, hidden from
// assistive technology. The mark is an original drawing, not the provider's artwork: an "F" and a
// dot on a rounded square, coloured by the theme (`--_mark-bg`, `--_mark-fg`).

/** The `logo` slot, holding the mark until the merchant slots the official logo. */
// prettier-ignore
export const logoSlot = html`<slot name="logo"><svg class="mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><rect width="24" height="24" rx="6"/><path d="M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3zm6.75 10.25a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0z"/></svg></slot>`;

/** The mark where no slot applies (the sign-out button). */
// prettier-ignore
export const mark = html`<svg class="mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><rect width="24" height="24" rx="6"/><path d="M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3zm6.75 10.25a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0z"/></svg>`;

/** The busy indicator shown in place of the logo while the sign-in runs. */
// prettier-ignore
export const spinner = html`<svg class="spinner" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><circle cx="12" cy="12" r="9"/><path d="M12 3a9 9 0 0 1 9 9"/></svg>`;
