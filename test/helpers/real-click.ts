import { sendMouse } from '@web/test-runner-commands';

/**
 * Clicks the middle of `target` with the real mouse, the user activation browsers demand before a
 * popup, and returns once the page has handled the click. WebKitGTK before 2.54 can drop a WebDriver
 * reply that overlaps a navigation (https://bugs.webkit.org/show_bug.cgi?id=323447, here the
 * popup's): the click happened, but `sendMouse` never answers, so the page's own click event is
 * what the caller waits for.
 */
export async function realClick(target: Element): Promise<void> {
  const { left, top, width, height } = target.getBoundingClientRect();
  // On window, bubbling: the last listener of the click, so the page's own handlers have run.
  const seen = new Promise<void>((resolve) => {
    const onClick = (event: MouseEvent): void => {
      if (!event.composedPath().includes(target)) return;
      window.removeEventListener('click', onClick);
      resolve();
    };
    window.addEventListener('click', onClick);
  });
  const command = sendMouse({
    type: 'click',
    position: [Math.round(left + width / 2), Math.round(top + height / 2)],
  });
  command.catch(() => undefined); // its outcome matters only when it settles first
  await Promise.race([command, seen]);
}
