/** Image format and size read from the file header, without an image library. */

export interface ImageInfo {
	mimeType: 'image/jpeg' | 'image/png';
	width: number;
	height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** JPEG start-of-frame markers that carry the size (all SOFn except DHT, JPG and DAC). */
const SOF_MARKERS = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function readPng(data: Uint8Array): ImageInfo | undefined {
	if (data.length < 24 || !PNG_SIGNATURE.every((byte, index) => data[index] === byte))
		return undefined;
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	return { mimeType: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
}

function readJpeg(data: Uint8Array): ImageInfo | undefined {
	if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	let offset = 2;
	while (offset + 9 < data.length) {
		if (data[offset] !== 0xff) return undefined;
		const marker = data[offset + 1];
		if (marker === 0xff) {
			offset += 1;
			continue;
		}
		const segmentLength = view.getUint16(offset + 2);
		if (SOF_MARKERS.has(marker)) {
			return {
				mimeType: 'image/jpeg',
				height: view.getUint16(offset + 5),
				width: view.getUint16(offset + 7),
			};
		}
		if (segmentLength < 2) return undefined;
		offset += 2 + segmentLength;
	}
	return undefined;
}

/** The image's format and size, or undefined when it is neither a JPEG nor a PNG (or is truncated). */
export function readImageInfo(data: Uint8Array): ImageInfo | undefined {
	return readPng(data) ?? readJpeg(data);
}
