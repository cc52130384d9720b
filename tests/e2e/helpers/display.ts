/** The reader's display choices (text size, contrast, ふりがな) and what a page looks like with them. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export interface DisplayChoice {
	textSize?: 'standard' | 'large' | 'xlarge';
	contrast?: 'normal' | 'high';
	ruby?: boolean;
}

/** Sets the display cookie as saving /display would. */
export async function chooseDisplay(context: BrowserContext, baseURL: string, choice: DisplayChoice): Promise<void> {
	const params = new URLSearchParams({ text_size: choice.textSize ?? 'standard', contrast: choice.contrast ?? 'normal' });
	if (choice.ruby) params.set('ruby', 'on');
	await context.addCookies([{ name: 'display', value: params.toString(), url: baseURL }]);
}

/** Waits until the page's scripts run (the layout marks <html> once mounted): typing before that is lost. */
export async function waitForHydration(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** How far the page scrolls sideways (px); 0 or less means it fits the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Brings each map on the page into view (maps load there) and waits until it has loaded or said why not. */
export async function settleMaps(page: Page): Promise<void> {
	for (const map of await page.locator('[data-map-state]').all()) {
		await map.scrollIntoViewIfNeeded();
		await expect(map).not.toHaveAttribute('data-map-state', 'loading');
	}
}
