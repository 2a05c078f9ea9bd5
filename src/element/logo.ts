import { html, svg, type SVGTemplateResult } from 'lit';

/** A decorative 24×24 icon made of `shapes`, hidden from assistive technology. */
function icon(className: string, shapes: SVGTemplateResult) {
  return html`<svg class=${className} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
    ${shapes}
  </svg>`;
}

/**
 * The Freedom ID mark drawn for this package: an "F" and a dot on a rounded square, coloured by
 * the theme (`--_mark-bg`, `--_mark-fg`). It is an original drawing, not the provider's artwork;
 * merchants who hold the official logo put it in the `logo` slot.
 */
export const mark = icon(
  'mark',
  svg`<rect width="24" height="24" rx="6" /><path d="M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3z" /><circle cx="16" cy="16.25" r="1.75" />`,
);

/** The busy indicator shown in place of the logo while the sign-in runs. */
export const spinner = icon(
  'spinner',
  svg`<circle cx="12" cy="12" r="9" /><path d="M12 3a9 9 0 0 1 9 9" />`,
);
