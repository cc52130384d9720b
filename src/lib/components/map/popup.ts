/** The popup a marker opens, the same in both map libraries: name, kind, 電話 and a link to the page. */
import type { MapArea } from '$lib/domain/area-map';
import type { MapPoint } from '$lib/domain/listing-view';
import { telHref } from '$lib/domain/format';
import type { MapLabels } from './engine';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Built as DOM nodes (textContent), so listing text is never read as HTML. */
export function popupContent(point: MapPoint, labels: MapLabels): HTMLElement {
	const box = element('div', 'map-popup');
	// The name as entered (Japanese, whatever the page's language).
	const name = element('p', 'map-popup-name', point.name);
	name.lang = 'ja';
	box.append(name);
	if (point.kind) box.append(element('p', 'map-popup-kind', point.kind));
	if (point.phone) {
		const line = element('p', 'map-popup-phone', labels.phone);
		const link = element('a', '', point.phone);
		link.href = telHref(point.phone);
		line.append(link);
		box.append(line);
	}
	if (point.href) {
		const link = element('a', 'map-popup-link', labels.more);
		link.href = point.href;
		link.setAttribute('aria-label', labels.moreLabel(point.name));
		const line = element('p', 'map-popup-more');
		line.append(link);
		box.append(line);
	}
	return box;
}

/** An area's popup, the same in both map libraries: its name, its count and a link to its page. */
export function areaPopupContent(area: MapArea): HTMLElement {
	const box = element('div', 'map-popup');
	const name = element('p', 'map-popup-name', area.name);
	name.lang = 'ja';
	box.append(name, element('p', 'map-popup-count', area.countText));
	const link = element('a', 'map-popup-link', area.linkText);
	link.href = area.href;
	const line = element('p', 'map-popup-more');
	line.append(link);
	box.append(line);
	return box;
}

/** What an area's count label says to a screen reader: 「旭地区 123件」. */
export function areaLabelName(area: MapArea): string {
	return `${area.spokenName ?? area.name} ${area.countText}`;
}

/** The count shown on an area (the number only: the name is in the list, the popup and the label's name). */
export function areaLabelContent(area: MapArea): HTMLElement {
	const label = element('span', 'area-count', String(area.count));
	label.setAttribute('aria-hidden', 'true');
	return label;
}

/** Moves the keyboard into a just-opened popup (its link), without scrolling the page. */
export function focusPopupLink(popup: HTMLElement | undefined | null): void {
	popup?.querySelector<HTMLAnchorElement>('a.map-popup-link')?.focus({ preventScroll: true });
}
