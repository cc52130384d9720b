/** The text a QR code image (PNG data URL) holds, decoded as a phone's camera would. */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function decodeQr(dataUrl: string): string | null {
	const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
