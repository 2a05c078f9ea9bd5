import { expect } from '@open-wc/testing';
import { FreedomIdClient, type FreedomIdConfig, type Navigate } from '../../src/index.js';
import type { FreedomIdLogin } from '../../src/element.js';
import { CLIENT_ID, mount, record, thrown, unmountAll } from '../helpers/element.js';

/** The SDK's own message for a wrong field, which the element passes on after naming the attribute. */
function sdkMessage(field: Record<string, unknown>): string {
  const config = { clientId: CLIENT_ID, redirectUri: location.href, ...field } as FreedomIdConfig;
  return thrown(() => new FreedomIdClient(config)).message;
}

/** Mounts an element while capturing console.error and the freedomid-error events. */
async function mountBadly(
  attributes: Record<string, string | true>,
  setup?: (el: FreedomIdLogin) => void,
) {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args);
  };
  const errors = record('freedomid-error');
  try {
    const mounted = await mount(attributes, setup);
    return { ...mounted, logged, details: errors.events.map((event) => event.detail) };
  } finally {
    console.error = original;
    errors.stop();
  }
}

describe('<freedomid-login>', () => {
  afterEach(() => {
    unmountAll();
  });

  describe('when its configuration is wrong', () => {
    it('reports a missing client-id, logs it and renders disabled', async () => {
      const { button, logged, details, el } = await mountBadly({});
      const message =
        '<freedomid-login>: the client-id attribute is required: set it to the client id Freedom ID support issued to you.';
      expect(details).to.deep.equal([{ code: 'invalid_config', message, field: 'client-id' }]);
      expect(logged).to.deep.equal([[message]]);
      expect(button.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    const cases: [string, Record<string, string>, string | (() => string)][] = [
      [
        'theme',
        { theme: 'neon' },
        '<freedomid-login>: theme="neon" is not supported: use one of "filled", "outline", "dark".',
      ],
      [
        'size',
        { size: 'huge' },
        '<freedomid-login>: size="huge" is not supported: use one of "medium", "small", "large".',
      ],
      [
        'shape',
        { shape: 'oval' },
        '<freedomid-login>: shape="oval" is not supported: use one of "rectangular", "pill", "circle", "square".',
      ],
      [
        'text',
        { text: 'login' },
        '<freedomid-login>: text="login" is not supported: use one of "signin", "signup", "continue".',
      ],
      [
        'type',
        { type: 'round' },
        '<freedomid-login>: type="round" is not supported: use one of "standard", "icon".',
      ],
      [
        'logo-alignment',
        { 'logo-alignment': 'right' },
        '<freedomid-login>: logo-alignment="right" is not supported: use one of "left", "center".',
      ],
      [
        'locale',
        { locale: 'de' },
        '<freedomid-login>: locale="de" is not supported: use one of "ru", "kk", "en".',
      ],
      [
        'width',
        { width: 'wide' },
        '<freedomid-login>: width must be a number of pixels between 200 and 400.',
      ],
      [
        'backend-url',
        { 'backend-url': 'javascript:alert(1)' },
        () =>
          `<freedomid-login>: the backend-url attribute: ${sdkMessage({ backendUrl: 'javascript:alert(1)' })}`,
      ],
      [
        'params-url',
        { 'params-url': 'ftp://shop.example/params' },
        () =>
          `<freedomid-login>: the params-url attribute: ${sdkMessage({ paramsUrl: 'ftp://shop.example/params' })}`,
      ],
      [
        'ux-mode',
        { 'ux-mode': 'modal' },
        '<freedomid-login>: ux-mode="modal" is not supported: use one of "redirect", "popup".',
      ],
      [
        'redirect-uri',
        { 'redirect-uri': 'http://shop.example/login' },
        () =>
          `<freedomid-login>: the redirect-uri attribute: ${sdkMessage({ redirectUri: 'http://shop.example/login' })}`,
      ],
      [
        'authority',
        { authority: 'not a url' },
        () =>
          `<freedomid-login>: the authority attribute: ${sdkMessage({ authority: 'not a url' })}`,
      ],
      [
        'authorization-endpoint',
        { 'authorization-endpoint': 'http://id.example.kz/authorize' },
        () =>
          `<freedomid-login>: the authorization-endpoint attribute: ${sdkMessage({ authorizationEndpoint: 'http://id.example.kz/authorize' })}`,
      ],
      [
        'storage',
        { storage: 'cookie' },
        '<freedomid-login>: storage="cookie" is not supported: use one of "session", "local".',
      ],
      [
        'scope',
        { scope: 'openid "profile"' },
        () =>
          `<freedomid-login>: the scope attribute: ${sdkMessage({ scope: 'openid "profile"' })}`,
      ],
    ];
    for (const [attribute, attributes, expected] of cases) {
      it(`reports a wrong ${attribute} by name, in the message and in field, and renders disabled`, async () => {
        const message = typeof expected === 'string' ? expected : expected();
        const { button, logged, details } = await mountBadly({
          'client-id': CLIENT_ID,
          ...attributes,
        });
        expect(details).to.deep.equal([{ code: 'invalid_config', message, field: attribute }]);
        expect(logged).to.deep.equal([[message]]);
        expect(button.disabled).to.equal(true);
      });
    }

    it('reports a navigate property that is not a function by name', async () => {
      const { button, logged, details } = await mountBadly({ 'client-id': CLIENT_ID }, (el) => {
        el.navigate = 'https://shop.example/' as unknown as Navigate;
      });
      const message = `<freedomid-login>: the navigate property: ${sdkMessage({ navigate: 'https://shop.example/' })}`;
      expect(details).to.deep.equal([{ code: 'invalid_config', message, field: 'navigate' }]);
      expect(logged).to.deep.equal([[message]]);
      expect(button.disabled).to.equal(true);
    });

    it('reports a client-id error once, not again when only the look changes', async () => {
      const { el, details } = await mountBadly({});
      const errors = record('freedomid-error');
      const logged: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => {
        logged.push(args);
      };
      try {
        el.theme = 'dark';
        el.width = 260;
        await el.updateComplete;
      } finally {
        console.error = original;
        errors.stop();
      }
      expect([details.length, errors.events.length, logged.length]).to.deep.equal([1, 0, 0]);
    });

    it('reports a client-id error again when another sign-in attribute changes while it remains', async () => {
      const { el, details } = await mountBadly({});
      const errors = record('freedomid-error');
      const original = console.error;
      console.error = () => undefined;
      try {
        el.scope = 'openid read.profile';
        await el.updateComplete;
      } finally {
        console.error = original;
        errors.stop();
      }
      expect(errors.events.map((event) => event.detail)).to.deep.equal(details);
      expect(details.map(({ field }) => field)).to.deep.equal(['client-id']);
    });

    it('reports a wrong theme, and enables the button once it is fixed, without rebuilding the client', async () => {
      const { el, button, details } = await mountBadly({ 'client-id': CLIENT_ID, theme: 'neon' });
      /** The element's client, read through its private field: the same object means not rebuilt. */
      const clientOf = () => (el as unknown as { client: unknown }).client;
      const before = clientOf();
      const errors = record('freedomid-error');
      el.theme = 'outline';
      await el.updateComplete;
      errors.stop();
      expect(details.map(({ code }) => code)).to.deep.equal(['invalid_config']);
      expect([errors.events.length, button.disabled, clientOf() === before]).to.deep.equal([
        0,
        false,
        true,
      ]);
      expect(before).to.not.equal(null);
    });

    it('enables the button once the configuration is fixed', async () => {
      const { el, button } = await mountBadly({});
      el.clientId = CLIENT_ID;
      await el.updateComplete;
      expect(button.disabled).to.equal(false);
    });
  });
});
