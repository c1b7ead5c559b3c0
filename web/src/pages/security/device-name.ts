// A session's User-Agent read as "Chrome · macOS", the way a person names the
// device they signed in on. Order matters: Edge and WeChat also say Chrome or Safari.
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, "WeChat"],
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

const first = (ua: string, table: [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(ua))?.[1];

/** A short device name, or null when the User-Agent names no browser (an API client). */
export function deviceName(userAgent: string): string | null {
  const browser = first(userAgent, BROWSERS);
  if (!browser) return null;
  const system = first(userAgent, SYSTEMS);
  return system ? `${browser} · ${system}` : browser;
}
