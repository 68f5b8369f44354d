/**
 * Which Office a requirement set needs, in the words a clerk knows ("Excel JavaScript API requirement
 * sets": 1.1 is the only set of Excel 2016, Office 2019 has up to 1.8, Office 2021 up to 1.14, Office
 * 2024 up to 1.17; 1.18 and later are Microsoft 365, the web and Mac only).
 */
import { versionAtLeast } from './mode';

export function officeFor(set: string): { zh: string; en: string } {
  if (!versionAtLeast(set, '1.2')) return { zh: 'Excel 2016', en: 'Excel 2016' };
  if (!versionAtLeast(set, '1.9')) return { zh: 'Excel 2019 或更新版本', en: 'Excel 2019 or later' };
  if (!versionAtLeast(set, '1.15')) return { zh: 'Excel 2021 或更新版本', en: 'Excel 2021 or later' };
  if (!versionAtLeast(set, '1.18')) return { zh: 'Excel 2024 或 Microsoft 365', en: 'Excel 2024 or Microsoft 365' };
  return { zh: 'Microsoft 365、Excel 网页版或 Mac 版', en: 'Microsoft 365, Excel on the web or Mac' };
}
