import type { CellValue, SheetColumn } from "../files/sheet-types";
import type { CodeFan } from "../stats/list-code-fans";

export type ExportLanguage = "zh-CN" | "en";

const t = (language: ExportLanguage, zh: string, en: string) => (language === "zh-CN" ? zh : en);

/** The fan export's columns (PRODUCT.md "Details": fan, scan time, follow time, counts, new or old, following, tags). */
export function fanColumns(language: ExportLanguage): SheetColumn[] {
  const h = (zh: string, en: string) => t(language, zh, en);
  return [
    { header: "OpenID", width: 32 },
    { header: h("备注或联系人", "Remark or contact") },
    { header: h("首次扫码时间", "First scan") },
    { header: h("最近扫码时间", "Latest scan") },
    { header: h("扫码次数", "Scans") },
    { header: h("关注时间", "Follow time") },
    { header: h("关注次数", "Follows") },
    { header: h("取关次数", "Unfollows") },
    { header: h("新粉丝/老粉丝", "New or old") },
    { header: h("当前是否关注", "Following now") },
    { header: h("标签", "Tags"), width: 30 },
  ];
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** What stands in the OpenID column for a fan whose personal data was erased. */
const erasedLabel = (language: ExportLanguage) => t(language, "（已删除）", "(erased)");

export function fanRow(fan: CodeFan, language: ExportLanguage): CellValue[] {
  return [
    fan.erased ? erasedLabel(language) : fan.openid,
    fan.remark || fan.contact?.name || "",
    date(fan.firstScanAt),
    date(fan.lastScanAt),
    fan.scanCount,
    date(fan.followedAt),
    fan.followCount,
    fan.unfollowCount,
    fan.isNewFollower ? t(language, "新粉丝", "New follower") : t(language, "老粉丝", "Old fan"),
    fan.following ? t(language, "是", "Yes") : t(language, "否", "No"),
    fan.tags.map((tag) => tag.name).join(language === "zh-CN" ? "、" : ", "),
  ];
}

export type ScanExportRow = {
  codeName: string;
  scene: string;
  openid: string;
  erased: boolean;
  remark: string;
  contactName: string | null;
  occurredAt: number;
  event: "subscribe" | "SCAN";
};

export function scanColumns(language: ExportLanguage): SheetColumn[] {
  const h = (zh: string, en: string) => t(language, zh, en);
  return [
    { header: h("二维码", "QR code"), width: 24 },
    { header: h("场景值", "Scene") },
    { header: "OpenID", width: 32 },
    { header: h("备注或联系人", "Remark or contact") },
    { header: h("扫码时间", "Scan time") },
    { header: h("事件", "Event") },
  ];
}

export function scanRow(scan: ScanExportRow, language: ExportLanguage): CellValue[] {
  return [
    scan.codeName,
    scan.scene,
    scan.erased ? erasedLabel(language) : scan.openid,
    scan.remark || scan.contactName || "",
    new Date(scan.occurredAt),
    scan.event === "subscribe"
      ? t(language, "扫码关注（新粉丝）", "Followed by scanning")
      : t(language, "已关注扫码（老粉丝）", "Scanned while following"),
  ];
}
