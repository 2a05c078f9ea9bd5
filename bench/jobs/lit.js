// Lit alone: the runtime a Lit-based button costs before any sign-in code (one trivial
// element, so LitElement, html and css are all kept). <freedomid-login> is a LitElement: this row
// is the floor of what it pays for Lit.
import { LitElement, css, html } from 'lit';

class BenchButton extends LitElement {
  static properties = { label: {} };
  static styles = css`
    button {
      font: inherit;
    }
  `;
  constructor() {
    super();
    this.label = 'Sign in';
  }
  render() {
    return html`<button part="button">${this.label}</button>`;
  }
}
globalThis.customElements.define('bench-button', BenchButton);
