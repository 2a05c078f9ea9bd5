// The Lit floor of the render table: a trivial LitElement (a shadow root, one <button> with a
// click listener, a small static style Lit adopts as a constructable stylesheet). It is what the
// stack <freedomid-login> is built on costs per element before any code of ours; run in the page.
import { LitElement, css, html } from 'lit';

class LitFloor extends LitElement {
  static properties = { label: {} };
  static styles = css`
    button {
      font: inherit;
      cursor: pointer;
    }
  `;
  constructor() {
    super();
    this.label = 'Sign in with Freedom ID';
  }
  render() {
    return html`<button part="button" type="button" @click=${this.onClick}>${this.label}</button>`;
  }
  onClick() {}
}
globalThis.customElements.define('bench-lit-floor', LitFloor);
