const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with `attributes` and `children`. */
function svg(tag: string, attributes: Record<string, string>, children: Element[] = []): Element {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A decorative 24×24 icon made of `shapes` (tag → attributes), hidden from assistive technology. */
function icon(className: string, shapes: Record<string, Record<string, string>>): Element {
  return svg(
    'svg',
    { class: className, viewBox: '0 0 24 24', width: '24', height: '24', 'aria-hidden': 'true' },
    Object.entries(shapes).map(([tag, attributes]) => svg(tag, attributes)),
  );
}

/**
 * The Freedom ID mark drawn for this package: an "F" and a dot on a rounded square, coloured by
 * the theme (`--_mark-bg`, `--_mark-fg`). It is an original drawing, not the provider's artwork;
 * merchants who hold the official logo put it in the `logo` slot.
 */
export function createLogo(): Element {
  return icon('mark', {
    rect: { width: '24', height: '24', rx: '6' },
    path: { d: 'M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3z' },
    circle: { cx: '16', cy: '16.25', r: '1.75' },
  });
}

/** The busy indicator shown in place of the logo while the sign-in runs. */
export function createSpinner(): Element {
  return icon('spinner', {
    circle: { cx: '12', cy: '12', r: '9' },
    path: { d: 'M12 3a9 9 0 0 1 9 9' },
  });
}
