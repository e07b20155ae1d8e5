import type { Page } from '@playwright/test';

/** A text whose contrast with what is behind it is below WCAG AA. */
export interface LowContrast {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/**
 * Every visible text under `root` whose contrast ratio with its effective background (the
 * element's own and its ancestors' backgrounds, composited) is below WCAG AA: 4.5, or 3 for
 * large text. Disabled controls are left out, as WCAG leaves them out; so are texts for screen
 * readers only, which are clipped to a pixel.
 */
export const lowContrastTexts = (
  page: Page,
  root: string,
  ignore: string[] = [],
): Promise<LowContrast[]> =>
  page.evaluate(
    ({ selector, ignored }) => {
      type Rgba = [number, number, number, number];
      const parse = (value: string): Rgba => {
        const parts = (value.match(/[\d.]+/g) ?? []).map(Number);
        return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts.length > 3 ? parts[3]! : 1];
      };
      // "a over b": colours with alpha painted over an opaque one.
      const over = (top: Rgba, below: Rgba): Rgba => {
        const a = top[3];
        return [
          top[0] * a + below[0] * (1 - a),
          top[1] * a + below[1] * (1 - a),
          top[2] * a + below[2] * (1 - a),
          1,
        ];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      // PatternFly paints some backgrounds on a pseudo-element (a label's on its content's
      // ::before), so each ancestor's ::after and ::before count, above its own background.
      const backgroundOf = (element: Element): Rgba => {
        const layers: Rgba[] = [];
        outer: for (let at: Element | null = element; at; at = at.parentElement) {
          for (const pseudo of ['::after', '::before', null]) {
            const style = getComputedStyle(at, pseudo);
            if (pseudo && style.content === 'none') continue;
            const layer = parse(style.backgroundColor);
            if (layer[3] > 0) layers.push(layer);
            if (layer[3] >= 1) break outer;
          }
        }
        let result: Rgba = [255, 255, 255, 1];
        for (const layer of layers.reverse()) result = over(layer, result);
        return result;
      };
      const found: {
        text: string;
        ratio: number;
        needed: number;
        color: string;
        background: string;
      }[] = [];
      const scope = document.querySelector(selector);
      if (!scope) throw new Error(`nothing matches ${selector}`);
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!element || !text || seen.has(element)) continue;
        seen.add(element);
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
        if (box.width <= 1 || box.height <= 1) continue;
        if (element.closest('[disabled], [aria-disabled="true"], .pf-m-disabled')) continue;
        if (ignored.some((pattern) => element.closest(pattern))) continue;
        const background = backgroundOf(element);
        const color = over(parse(style.color), background);
        const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
        const ratio = (light! + 0.05) / (dark! + 0.05);
        const size = parseFloat(style.fontSize);
        const bold = Number(style.fontWeight) >= 700;
        const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        if (ratio < needed) {
          found.push({
            text: text.slice(0, 60),
            ratio: Math.round(ratio * 100) / 100,
            needed,
            color: style.color,
            background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
          });
        }
      }
      return found;
    },
    { selector: root, ignored: ignore },
  );
