import { html, type TemplateResult } from 'lit';

/**
 * The Freedom ID mark drawn for this package: an "F" and a dot on a rounded square, coloured by
 * the theme (`--_logo-bg`, `--_logo-fg`). It is an original drawing, not the provider's artwork;
 * merchants who hold the official logo put it in the `logo` slot.
 */
export const logo: TemplateResult = html`<svg
  class="mark"
  viewBox="0 0 24 24"
  width="24"
  height="24"
  aria-hidden="true"
  focusable="false"
>
  <rect class="mark-bg" width="24" height="24" rx="6" />
  <path class="mark-fg" d="M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3z" />
  <circle class="mark-fg" cx="16" cy="16.25" r="1.75" />
</svg>`;

/** The busy indicator shown in place of the logo while the browser leaves for Freedom ID. */
export const spinner: TemplateResult = html`<svg
  class="spinner"
  viewBox="0 0 24 24"
  width="24"
  height="24"
  aria-hidden="true"
  focusable="false"
>
  <circle class="spinner-track" cx="12" cy="12" r="9" />
  <path class="spinner-arc" d="M12 3a9 9 0 0 1 9 9" />
</svg>`;
