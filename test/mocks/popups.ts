// Shared by the SDK's and the element's popup tests: the real windows a test page opens.

/** Records every window the page opens, so a test can act as the user on it; `restore` undoes it. */
export function capturePopups(): { popups: (Window | null)[]; restore: () => void } {
  const realOpen = window.open.bind(window);
  const popups: (Window | null)[] = [];
  window.open = (...args: Parameters<typeof window.open>) => {
    const popup = realOpen(...args);
    popups.push(popup);
    return popup;
  };
  return { popups, restore: () => (window.open = realOpen) };
}
