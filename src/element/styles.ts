import { css } from 'lit';

/**
 * The button's look, one rule per line (it ships as written). `[size]`, `[shape]` and `[theme]` set
 * private `--_*` defaults on `:host`; the button reads each public `--freedomid-login-*` property
 * once, falling back to them. Text contrast: filled white on #1a56db 6.2:1; outline #1f1f1f on
 * white 16.6:1 (its #747775 border 4.5:1); dark #e3e3e3 on #131314 14.8:1. Lit adopts it as a
 * constructable stylesheet, which a strict CSP (`style-src 'self'`) allows. The host is
 * `width:fit-content`, so a flex column or grid that stretches its items cannot widen it past
 * the button (a click on that blank host would do nothing).
 */
// prettier-ignore
export const styles = css`
:host{--_height:40px;--_font-size:14px;--_padding:12px;--_gap:10px;--_logo:20px;--_radius:4px;--_bg:#1a56db;--_fg:#fff;--_border:#1a56db;--_state:#ffffff1f;--_mark-bg:#fff;--_mark-fg:#1a56db;display:inline-block;vertical-align:middle;width:fit-content;max-width:100%}
:host([hidden]){display:none}
:host([size=small]){--_height:32px;--_gap:8px;--_logo:18px}
:host([size=large]){--_height:48px;--_font-size:16px;--_padding:16px;--_gap:12px;--_logo:24px}
:host([shape=pill]),:host([shape=circle]){--_radius:9999px}
:host([theme=outline]){--_bg:#fff;--_fg:#1f1f1f;--_border:#747775;--_state:#1a56db14;--_mark-bg:#1a56db;--_mark-fg:#fff}
:host([theme=dark]){--_bg:#131314;--_fg:#e3e3e3;--_border:#8e918f;--_state:#ffffff1a}
button{--_h:var(--freedomid-login-height,var(--_height));position:relative;box-sizing:border-box;display:flex;align-items:center;gap:var(--freedomid-login-gap,var(--_gap));max-width:100%;height:var(--_h);margin:0;padding:0 var(--freedomid-login-padding,var(--_padding));border:var(--freedomid-login-border,1px solid var(--_border));border-radius:var(--freedomid-login-radius,var(--_radius));background:var(--freedomid-login-background,var(--_bg));color:var(--freedomid-login-color,var(--_fg));font:var(--freedomid-login-font-weight,500) var(--freedomid-login-font-size,var(--_font-size))/1.25 var(--freedomid-login-font,system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif);letter-spacing:.01em;cursor:pointer;-webkit-tap-highlight-color:transparent}
button:hover:not(:disabled){background-image:linear-gradient(var(--_state),var(--_state))}
button:active:not(:disabled){box-shadow:inset 0 0 0 99px var(--_state)}
button:focus-visible{outline:2px solid var(--freedomid-login-focus-ring,#1a56db);outline-offset:2px}
button:disabled{cursor:not-allowed;opacity:.6}
button[aria-busy]{cursor:progress;opacity:1}
[part=logo]{flex:none;width:var(--freedomid-login-logo-size,var(--_logo));height:var(--freedomid-login-logo-size,var(--_logo))}
svg,::slotted(*){display:block;width:100%;height:100%;object-fit:contain}
rect{fill:var(--_mark-bg)}
.mark :not(rect){fill:var(--_mark-fg)}
[part=label]{flex:auto;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:center}
:host([logo-alignment=center]) button{justify-content:center}
:host([logo-alignment=center]) [part=label]{flex:initial}
:host([type=icon]) button{justify-content:center;width:var(--_h);padding:0}
:host([type=icon]) [part=label]{position:absolute;width:1px;height:1px;clip-path:inset(50%)}
.spinner{animation:freedomid-spin .8s linear infinite}
.spinner *{fill:none;stroke:currentColor;stroke-width:3;stroke-linecap:round}
.spinner circle{opacity:.25}
@keyframes freedomid-spin{to{transform:rotate(1turn)}}
@keyframes freedomid-pulse{50%{opacity:.4}}
@media (prefers-reduced-motion:reduce){.spinner{animation:freedomid-pulse 2s infinite}}
@media (forced-colors:active){button{border:1px solid ButtonText}button:focus-visible{outline-color:Highlight}button:disabled{border-color:GrayText;color:GrayText}rect{fill:ButtonText}.mark :not(rect){fill:ButtonFace}}
`;
