// Builds the gallery: every theme × size × shape × locale, with navigation captured (no redirect).
import '../../src/element.js';

const THEMES = ['filled', 'outline', 'dark'] as const;
const SIZES = ['small', 'medium', 'large'] as const;
const SHAPES = ['rectangular', 'pill', 'circle', 'square'] as const;
const LOCALES = [
  ['ru', 'signin'],
  ['kk', 'signup'],
  ['en', 'continue'],
] as const;

function button(attributes: Record<string, string>): HTMLElement {
  const el = document.createElement('freedomid-login');
  el.setAttribute('client-id', 'c388f3cd-7722-4040-9bb2-94b0a05093aa');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.navigate = (url) => {
    console.info('navigate (captured):', url.href);
  };
  return el;
}

function text(tag: string, content: string, className = ''): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  node.className = className;
  return node;
}

const gallery = document.getElementById('gallery');
if (gallery === null) throw new Error('gallery.html has no #gallery');

for (const [locale, label] of LOCALES) {
  gallery.append(text('h2', `locale="${locale}", text="${label}"`));
  const grid = text('div', '', 'grid');
  grid.append(text('div', 'size / shape', 'head'));
  for (const theme of THEMES) grid.append(text('div', `theme="${theme}"`, 'head'));
  for (const size of SIZES) {
    for (const shape of SHAPES) {
      grid.append(text('div', `${size} · ${shape}`, 'row-label'));
      for (const theme of THEMES) {
        const cell = text('div', '', theme === 'dark' ? 'cell dark-bg' : 'cell');
        cell.dataset.theme = `theme="${theme}"`;
        const common = { locale, text: label, theme, size, shape };
        cell.append(button(common), button({ ...common, type: 'icon' }));
        grid.append(cell);
      }
    }
  }
  gallery.append(grid);
}

gallery.append(text('h2', 'width="320", logo-alignment left / center; disabled'));
const extra = text('div', '', 'cell');
extra.append(
  button({ width: '320', 'logo-alignment': 'left', locale: 'en' }),
  button({ width: '320', 'logo-alignment': 'center', locale: 'en', theme: 'outline' }),
  button({ disabled: '', locale: 'en' }),
);
gallery.append(extra);
