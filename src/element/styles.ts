import { css } from 'lit';

/**
 * The button's look. Public `--freedomid-login-*` properties feed private `--_*` ones whose
 * defaults come from the theme and size classes. Every theme's text is ≥ 4.5:1 on its background.
 */
export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }

  .button {
    --_font: var(
      --freedomid-login-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-weight: var(--freedomid-login-font-weight, 500);
    --_radius: var(--freedomid-login-radius, 4px);
    --_focus-ring: var(--freedomid-login-focus-ring, #1a56db);

    position: relative;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_gap);
    max-width: 100%;
    height: var(--_height);
    margin: 0;
    padding: 0 var(--_padding);
    border: var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_color);
    font: var(--_font-weight) var(--_font-size) / 1.25 var(--_font);
    letter-spacing: 0.01em;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
    transition: background-color 0.15s;
  }

  .size-small {
    --_height: var(--freedomid-login-height, 32px);
    --_font-size: var(--freedomid-login-font-size, 14px);
    --_padding: var(--freedomid-login-padding, 12px);
    --_gap: var(--freedomid-login-gap, 8px);
    --_logo-size: var(--freedomid-login-logo-size, 18px);
  }
  .size-medium {
    --_height: var(--freedomid-login-height, 40px);
    --_font-size: var(--freedomid-login-font-size, 14px);
    --_padding: var(--freedomid-login-padding, 12px);
    --_gap: var(--freedomid-login-gap, 10px);
    --_logo-size: var(--freedomid-login-logo-size, 20px);
  }
  .size-large {
    --_height: var(--freedomid-login-height, 48px);
    --_font-size: var(--freedomid-login-font-size, 16px);
    --_padding: var(--freedomid-login-padding, 16px);
    --_gap: var(--freedomid-login-gap, 12px);
    --_logo-size: var(--freedomid-login-logo-size, 24px);
  }

  /* filled: white on #1a56db is 6.2:1 */
  .theme-filled {
    --_background: var(--freedomid-login-background, #1a56db);
    --_color: var(--freedomid-login-color, #ffffff);
    --_border: var(--freedomid-login-border, 1px solid #1a56db);
    --_state: rgb(255 255 255 / 0.12);
    --_logo-bg: #ffffff;
    --_logo-fg: #1a56db;
  }
  /* outline: #1f1f1f on white is 16.6:1; the #747775 border is 4.5:1 */
  .theme-outline {
    --_background: var(--freedomid-login-background, #ffffff);
    --_color: var(--freedomid-login-color, #1f1f1f);
    --_border: var(--freedomid-login-border, 1px solid #747775);
    --_state: rgb(26 86 219 / 0.08);
    --_logo-bg: #1a56db;
    --_logo-fg: #ffffff;
  }
  /* dark: #e3e3e3 on #131314 is 14.8:1 */
  .theme-dark {
    --_background: var(--freedomid-login-background, #131314);
    --_color: var(--freedomid-login-color, #e3e3e3);
    --_border: var(--freedomid-login-border, 1px solid #8e918f);
    --_state: rgb(255 255 255 / 0.1);
    --_logo-bg: #ffffff;
    --_logo-fg: #1a56db;
  }

  .shape-pill,
  .shape-circle {
    --_radius: var(--freedomid-login-radius, 9999px);
  }

  .button:hover:not(:disabled) {
    background-image: linear-gradient(var(--_state), var(--_state));
  }
  .button:active:not(:disabled) {
    background-image:
      linear-gradient(var(--_state), var(--_state)), linear-gradient(var(--_state), var(--_state));
  }
  .button:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .button[aria-busy='true'] {
    cursor: progress;
    opacity: 1;
  }

  .logo {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: var(--_logo-size);
    height: var(--_logo-size);
  }
  .logo svg,
  ::slotted(*) {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .mark-bg {
    fill: var(--_logo-bg);
  }
  .mark-fg {
    fill: var(--_logo-fg);
  }

  .label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .align-left {
    justify-content: flex-start;
  }
  .align-left .label {
    flex: 1 1 auto;
    text-align: center;
  }

  .type-icon {
    width: var(--_height);
    padding: 0;
    justify-content: center;
  }
  .type-icon .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .spinner {
    animation: freedomid-spin 0.8s linear infinite;
  }
  .spinner-track,
  .spinner-arc {
    fill: none;
    stroke: currentColor;
    stroke-width: 3;
  }
  .spinner-track {
    opacity: 0.25;
  }
  .spinner-arc {
    stroke-linecap: round;
  }
  @keyframes freedomid-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @keyframes freedomid-pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
    .spinner {
      animation: freedomid-pulse 2s ease-in-out infinite;
    }
  }

  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }
    .button:focus-visible {
      outline: 2px solid Highlight;
    }
    .button:disabled {
      border-color: GrayText;
      color: GrayText;
    }
    .mark-bg {
      fill: ButtonText;
    }
    .mark-fg {
      fill: ButtonFace;
    }
  }
`;
