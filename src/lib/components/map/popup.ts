/** The popup a marker opens, the same in both map libraries: name, kind, 電話 and a link to the page. */
import type { MapPoint } from '../types';
import { telHref } from '../format';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Built as DOM nodes (textContent), so listing text is never read as HTML. */
export function popupContent(point: MapPoint): HTMLElement {
	const box = element('div', 'map-popup');
	box.append(element('p', 'map-popup-name', point.name));
	if (point.kind) box.append(element('p', 'map-popup-kind', point.kind));
	if (point.phone) {
		const line = element('p', 'map-popup-phone', '電話：');
		const link = element('a', '', point.phone);
		link.href = telHref(point.phone);
		line.append(link);
		box.append(line);
	}
	if (point.href) {
		const link = element('a', 'map-popup-link', '詳しく見る');
		link.href = point.href;
		link.setAttribute('aria-label', `${point.name}の詳しい情報を見る`);
		const line = element('p', 'map-popup-more');
		line.append(link);
		box.append(line);
	}
	return box;
}
