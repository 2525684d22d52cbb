/**
 * Dark mode, emulated: `/email.html?dark=1` adds this style to the email.
 *
 * It imitates the clients that force dark mode on an email by inverting its
 * colours, the Gmail app on iOS and Outlook on Windows among them: light
 * backgrounds turn dark and dark text turns light, while `hue-rotate` brings
 * hues back near their own (a teal header stays bluish, only lighter).
 * Photos and background images are inverted twice, so they look as they
 * are, as those clients leave images alone. It does not imitate Apple Mail,
 * which shows an email as designed unless it ships its own
 * `prefers-color-scheme: dark` styles, nor the "partial" inversion of
 * Outlook.com and the Gmail app on Android, which only darkens light
 * backgrounds; it is the harshest common case, and what most often breaks
 * logos and brand colours.
 */
const DARK_STYLE = `<style data-gazette-preview="dark">
html{filter:invert(1) hue-rotate(180deg);background:#fff;color-scheme:dark}
img,picture,video,[background],[style*="background-image"]{filter:invert(1) hue-rotate(180deg)}
</style>`;

/** The email with the dark-mode emulation added just before `</head>`. */
export function emulateDarkMode(html: string): string {
  const at = html.search(/<\/head\s*>/i);
  return at === -1 ? DARK_STYLE + html : html.slice(0, at) + DARK_STYLE + html.slice(at);
}
