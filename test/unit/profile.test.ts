import { readImageInfo } from '../../nodes/Dialog360/domain/image';
import { checkProfilePhoto, validateProfileUpdate } from '../../nodes/Dialog360/domain/profile';
import { PROFILE_RULES, VERTICALS } from '../../nodes/Dialog360/domain/rules/profile';
import { jpegOfSize, pngOfSize } from '../support/images';

const messages = (input: Parameters<typeof validateProfileUpdate>[0]) =>
	validateProfileUpdate(input).violations.map((violation) => violation.message);

describe('profile update rules, each at its boundary', () => {
	it.each([
		['about', 'About', 139],
		['address', 'Address', 256],
		['description', 'Description', 512],
	] as const)('%s: %i characters pass, one more fails with the rule', (field, label, max) => {
		expect(messages({ [field]: 'a'.repeat(max) })).toEqual([]);
		expect(messages({ [field]: 'a'.repeat(max + 1) })).toEqual([
			`${label} must be at most ${max} characters (got ${max + 1})`,
		]);
	});

	it('About needs at least one character and not only spaces', () => {
		expect(messages({ about: '' })).toEqual(['About must be at least 1 character (got 0)']);
		expect(messages({ about: '   ' })).toEqual([
			'About must not be only spaces: write the text to show',
		]);
	});

	it('counts an emoji as one character', () => {
		expect(messages({ about: '😀'.repeat(139) })).toEqual([]);
		expect(messages({ about: '😀'.repeat(140) })).toEqual([
			'About must be at most 139 characters (got 140)',
		]);
	});

	it('Email: valid and at most 128 characters', () => {
		const local = 'a'.repeat(128 - '@example.com'.length);
		expect(messages({ email: `${local}@example.com` })).toEqual([]);
		expect(messages({ email: `${local}a@example.com` })).toEqual([
			'Email must be at most 128 characters (got 129)',
		]);
		expect(messages({ email: 'not-an-email' })).toEqual([
			'Email must be a valid address like name@example.com (got "not-an-email")',
		]);
	});

	it('Websites: at most 2, each at most 256 characters, http(s) only', () => {
		const site = `https://example.com/${'a'.repeat(256 - 'https://example.com/'.length)}`;
		expect(messages({ websites: [site, 'http://b.example'] })).toEqual([]);
		expect(messages({ websites: [`${site}a`] })).toEqual([
			'Website 1 must be at most 256 characters (got 257)',
		]);
		expect(messages({ websites: ['https://a.io', 'https://b.io', 'https://c.io'] })).toEqual([
			'Websites must be at most 2 (got 3)',
		]);
		expect(messages({ websites: ['ftp://a.io'] })).toEqual([
			'Website 1 must start with http:// or https:// (got "ftp://a.io")',
		]);
	});

	it('Vertical: one of the API values, never empty', () => {
		expect(messages({ vertical: 'RETAIL' })).toEqual([]);
		expect(messages({ vertical: '' })[0]).toContain(
			'Vertical must be one of the API\'s values (got "")',
		);
		expect(messages({ vertical: 'Retail' })[0]).toContain('got "Retail"');
		expect(VERTICALS.every((vertical) => vertical.value && vertical.label)).toBe(true);
	});

	it('reports every violation together and sends only the fields given', () => {
		const { payload, violations } = validateProfileUpdate({
			about: 'a'.repeat(150),
			email: 'x',
			websites: ['a', 'b', 'c'],
		});
		expect(violations.map((violation) => violation.field)).toEqual([
			'About',
			'Email',
			'Websites',
			'Website 1',
			'Website 2',
			'Website 3',
		]);
		expect(Object.keys(payload).sort()).toEqual(['about', 'email', 'websites']);
		expect(validateProfileUpdate({ address: 'x' }).payload).toEqual({ address: 'x' });
	});

	it("takes the Cloud API description limit (512), not the product guide's 256", () => {
		expect(PROFILE_RULES.description.max).toBe(512);
	});
});

describe('profile photo', () => {
	it('reads JPEG and PNG sizes from their headers', () => {
		expect(readImageInfo(jpegOfSize(640, 480))).toEqual({
			mimeType: 'image/jpeg',
			width: 640,
			height: 480,
		});
		expect(readImageInfo(pngOfSize(192, 192))).toEqual({
			mimeType: 'image/png',
			width: 192,
			height: 192,
		});
		expect(readImageInfo(Buffer.from('GIF89a....'))).toBeUndefined();
		expect(readImageInfo(Buffer.alloc(0))).toBeUndefined();
		expect(readImageInfo(jpegOfSize(10, 10).subarray(0, 8))).toBeUndefined();
	});

	it('rejects what is not JPEG or PNG, and warns about odd shapes and small sizes', () => {
		expect(checkProfilePhoto(undefined).violation?.message).toBe(
			'Profile Photo must be a JPEG or PNG image (the file is neither)',
		);
		expect(checkProfilePhoto(readImageInfo(pngOfSize(640, 640)))).toEqual({ warnings: [] });
		expect(checkProfilePhoto(readImageInfo(pngOfSize(192, 192))).warnings).toEqual([]);
		const small = checkProfilePhoto(readImageInfo(jpegOfSize(191, 300))).warnings;
		expect(small).toHaveLength(2);
		expect(small[0]).toContain('not square (191 × 300)');
		expect(small[1]).toContain('smaller than 192 px');
	});
});
