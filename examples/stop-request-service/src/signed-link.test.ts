import { merchantFormPath, signLink, verifyLink } from './signed-link';

const SECRET = 'a-link-secret-of-32-characters-or-more';
const NOW = 1_772_445_600; // 2026-03-02T10:00:00Z

describe('a signed merchant link', () => {
  const link = signLink(SECRET, 'DK-1', NOW + 3600);

  it('is valid for its case until it expires, the expiry second included', () => {
    expect(verifyLink(SECRET, 'DK-1', link, NOW)).toBe(true);
    expect(verifyLink(SECRET, 'DK-1', link, NOW + 3600)).toBe(true);
  });

  it('is refused one second after it expired', () => {
    expect(verifyLink(SECRET, 'DK-1', link, NOW + 3601)).toBe(false);
  });

  it('is refused with an altered expiry or signature', () => {
    expect(verifyLink(SECRET, 'DK-1', { ...link, exp: String(NOW + 7200) }, NOW)).toBe(false);
    const flipped = `${link.sig.slice(0, -1)}${link.sig.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyLink(SECRET, 'DK-1', { ...link, sig: flipped }, NOW)).toBe(false);
    expect(verifyLink(SECRET, 'DK-1', { ...link, sig: link.sig.slice(1) }, NOW)).toBe(false);
  });

  it('is refused for another case and under another secret', () => {
    expect(verifyLink(SECRET, 'DK-2', link, NOW)).toBe(false);
    expect(verifyLink(`${SECRET}!`, 'DK-1', link, NOW)).toBe(false);
  });

  it('is refused without its parts or with an expiry that is not a number', () => {
    expect(verifyLink(SECRET, 'DK-1', {}, NOW)).toBe(false);
    expect(verifyLink(SECRET, 'DK-1', { sig: link.sig }, NOW)).toBe(false);
    expect(verifyLink(SECRET, 'DK-1', { exp: link.exp }, NOW)).toBe(false);
    expect(verifyLink(SECRET, 'DK-1', { ...link, exp: `${link.exp}.0` }, NOW)).toBe(false);
  });

  it('names the case in the path, encoded', () => {
    expect(merchantFormPath(SECRET, 'DK 1/2', NOW)).toBe(
      `/cases/DK%201%2F2/form?exp=${NOW}&sig=${signLink(SECRET, 'DK 1/2', NOW).sig}`,
    );
  });
});
