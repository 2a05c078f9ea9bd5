// The host box is the button's box: in a layout that stretches its items (a flex column, a grid)
// the host must not grow wider than the button, or a click on the host's centre lands on nothing
// (issue 23 item 8: a 1124 px host around a 264 px button).
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';
import { CLIENT_ID, buttonOf, clearEntries, mount, unmountAll } from '../helpers/element.js';

/** Clicks with the real mouse at the centre of `target`'s box. */
async function clickCentre(target: Element): Promise<void> {
  const { left, top, width, height } = target.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(left + width / 2), Math.round(top + height / 2)],
  });
}

const LAYOUTS: [string, string][] = [
  ['a flex column (align-items: stretch)', 'display:flex;flex-direction:column;width:900px'],
  ['a grid (justify-items: stretch)', 'display:grid;width:900px'],
  ['a block', 'display:block;width:900px'],
];

describe('<freedomid-login>', () => {
  afterEach(() => {
    unmountAll();
    clearEntries();
    // The real mouse stays where it clicked: move it off so no later test starts hovered.
    return sendMouse({ type: 'move', position: [0, 0] });
  });

  for (const [name, style] of LAYOUTS) {
    describe(`when it sits in ${name}`, () => {
      it("keeps the host to the button's box, and a click at the host's centre starts the sign-in", async () => {
        const host = document.createElement('div');
        host.dataset['testHost'] = '';
        host.setAttribute('style', style);
        document.body.append(host);
        const mounted = await mount({ 'client-id': CLIENT_ID }, undefined, host);

        const hostBox = mounted.el.getBoundingClientRect();
        const buttonBox = buttonOf(mounted.el).getBoundingClientRect();
        await clickCentre(mounted.el);
        await waitUntil(() => mounted.navigations.length === 1, 'the click started no sign-in');

        expect([hostBox.left, hostBox.width]).to.deep.equal([buttonBox.left, buttonBox.width]);
        expect(mounted.navigations[0]?.searchParams.get('client_id')).to.equal(CLIENT_ID);
      });
    });
  }

  describe('when a flex column centres its items', () => {
    it('is still centred', async () => {
      const host = document.createElement('div');
      host.dataset['testHost'] = '';
      host.setAttribute(
        'style',
        'display:flex;flex-direction:column;align-items:center;width:900px',
      );
      document.body.append(host);
      const { el } = await mount({ 'client-id': CLIENT_ID }, undefined, host);

      const box = el.getBoundingClientRect();
      const outer = host.getBoundingClientRect();

      expect(Math.round(box.left - outer.left)).to.equal(Math.round(outer.right - box.right));
    });
  });
});
