// The Referat app for browser tests: a thin facade over one page model per page (README), keeping the API the
// tests were written against. New code may use the page models directly (app.library, app.minutes, …).
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { AktindsigtPage, type AktindsigtFilter } from './AktindsigtPage';
import { AppShell, type NavName } from './AppShell';
import { AppUpdate, type ServiceWorkerState } from './AppUpdate';
import { ApprovalsPanel } from './ApprovalsPanel';
import { CopyFiles } from './CopyFiles';
import type { DownloadedFile } from './downloadedFile';
import { ExportMenu, type DocumentFormat } from './ExportMenu';
import { FollowUpPage, type FollowUpRow } from './FollowUpPage';
import { LibraryPage } from './LibraryPage';
import { LivePanel } from './LivePanel';
import { MinutesEditor } from './MinutesEditor';
import { ReferatPage } from './ReferatPage';
import { SearchPage } from './SearchPage';
import { SettingsPage } from './SettingsPage';
import { WelcomePage, type Profile } from './WelcomePage';

export { DA, EN } from './appLabels';
export type { Profile } from './WelcomePage';

export class ReferatApp {
  readonly page: Page;
  readonly baseUrl: string;
  readonly shell: AppShell;
  readonly welcome: WelcomePage;
  readonly library: LibraryPage;
  readonly referatPage: ReferatPage;
  readonly minutes: MinutesEditor;
  readonly approvalsPanel: ApprovalsPanel;
  readonly livePanel: LivePanel;
  readonly copies: CopyFiles;
  readonly exports: ExportMenu;
  readonly searchPage: SearchPage;
  readonly followUp: FollowUpPage;
  readonly aktindsigt: AktindsigtPage;
  readonly settings: SettingsPage;
  readonly update: AppUpdate;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.shell = new AppShell(page, baseUrl);
    this.welcome = new WelcomePage(page);
    this.referatPage = new ReferatPage(page);
    this.minutes = new MinutesEditor(page);
    this.library = new LibraryPage(page, this.referatPage, this.minutes);
    this.approvalsPanel = new ApprovalsPanel(page);
    this.livePanel = new LivePanel(page);
    this.copies = new CopyFiles(page);
    this.exports = new ExportMenu(page);
    this.searchPage = new SearchPage(page, this.shell);
    this.followUp = new FollowUpPage(page);
    this.aktindsigt = new AktindsigtPage(page, this.shell);
    this.settings = new SettingsPage(page, this.shell);
    this.update = new AppUpdate(page);
  }

  static async open(context: BrowserContext, baseUrl: string, path = '/'): Promise<ReferatApp> {
    const page = await context.newPage();
    const app = new ReferatApp(page, baseUrl);
    await app.goto(path);
    return app;
  }

  // Navigation (AppShell)
  url(path: string): string {
    return this.shell.url(path);
  }
  goto(path: string): Promise<void> {
    return this.shell.goto(path);
  }
  nav(name: NavName): Promise<void> {
    return this.shell.nav(name);
  }
  navTo(name: string): Promise<void> {
    return this.shell.navTo(name);
  }

  // Welcome and library
  setUpProfile(p: Profile): Promise<void> {
    return this.welcome.setUpProfile(p);
  }
  createReferat(): Promise<string> {
    return this.library.createReferat();
  }
  createReferatQuickly(): Promise<string> {
    return this.library.createReferatQuickly();
  }
  libraryTitles(): Promise<string[]> {
    return this.library.titles();
  }

  // The referat page
  referatId(): string {
    return this.referatPage.referatId();
  }
  get titleField(): Locator {
    return this.referatPage.titleField;
  }
  waitUntilSaved(): Promise<void> {
    return this.referatPage.waitUntilSaved();
  }
  addParticipant(name: string, organisation: string): Promise<void> {
    return this.referatPage.addParticipant(name, organisation);
  }

  // The minutes editor
  get editor(): Locator {
    return this.minutes.textbox;
  }
  editorText(): Promise<string> {
    return this.minutes.text();
  }
  typeAfter(text: string, typed: string): Promise<void> {
    return this.minutes.typeAfter(text, typed);
  }
  typeAtEnd(typed: string): Promise<void> {
    return this.minutes.typeAtEnd(typed);
  }
  caretBelowTitle(title: string): Promise<void> {
    return this.minutes.caretBelowTitle(title);
  }
  editorHasFocus(): Promise<boolean> {
    return this.minutes.hasFocus();
  }
  pasteHtml(html: string, plain: string): Promise<void> {
    return this.minutes.pasteHtml(html, plain);
  }
  get agendaItems(): Locator {
    return this.minutes.agendaItems;
  }
  agendaItem(title: string): Locator {
    return this.minutes.agendaItem(title);
  }
  get decisions(): Locator {
    return this.minutes.decisions;
  }
  get actionItems(): Locator {
    return this.minutes.actionItems;
  }
  get slashMenu(): Locator {
    return this.minutes.slashMenu;
  }
  agendaHeadings(): Promise<string[]> {
    return this.minutes.agendaHeadings();
  }
  agendaHeadingNames(): Promise<string[]> {
    return this.minutes.agendaHeadingNames();
  }

  // Approvals
  approve(): Promise<string> {
    return this.approvalsPanel.approve();
  }
  approvals(): Promise<string[]> {
    return this.approvalsPanel.approvals();
  }
  approvalStatus(): Promise<string> {
    return this.approvalsPanel.status();
  }

  // Editing together
  setSignalling(url: string): Promise<void> {
    return this.settings.setSignalling(url);
  }
  invite(): Promise<string> {
    return this.livePanel.invite();
  }
  liveStatus(): Promise<string> {
    return this.livePanel.status();
  }
  presentNames(): Promise<string[]> {
    return this.livePanel.presentNames();
  }

  // Copy files and exports
  downloadCopy(button?: string): Promise<DownloadedFile> {
    return this.copies.download(button);
  }
  importCopyFile(label: string, file: DownloadedFile): Promise<string> {
    return this.copies.import(label, file);
  }
  get exportMenu(): Locator {
    return this.exports.menu;
  }
  exportDocument(format: DocumentFormat): Promise<DownloadedFile> {
    return this.exports.exportDocument(format);
  }
  buildAktindsigtPackage(filter?: AktindsigtFilter): Promise<DownloadedFile & { count: string }> {
    return this.aktindsigt.buildPackage(filter);
  }

  // Search
  get searchBox(): Locator {
    return this.searchPage.searchBox;
  }
  search(query: string): Promise<void> {
    return this.searchPage.search(query);
  }
  searchResultTitles(): Promise<string[]> {
    return this.searchPage.resultTitles();
  }
  searchSummary(): Promise<string> {
    return this.searchPage.summary();
  }
  searchMarks(): Promise<string[]> {
    return this.searchPage.marks();
  }

  // Opfølgning
  followUpRows(): Promise<FollowUpRow[]> {
    return this.followUp.rows();
  }
  setFollowUpDone(what: string, done: boolean): Promise<void> {
    return this.followUp.setDone(what, done);
  }
  followUpCheckbox(what: string): Locator {
    return this.followUp.checkbox(what);
  }

  // Settings: backups
  saveBackup(): Promise<DownloadedFile> {
    return this.settings.saveBackup();
  }
  restoreBackup(name: string, bytes: Buffer): Promise<string> {
    return this.settings.restoreBackup(name, bytes);
  }

  // App updates
  updatePrompt(): Locator {
    return this.update.prompt();
  }
  waitForUpdatePrompt(): Promise<void> {
    return this.update.waitForPrompt();
  }
  serviceWorkerState(): Promise<ServiceWorkerState> {
    return this.update.serviceWorkerState();
  }
  checkForUpdate(): Promise<void> {
    return this.update.checkForUpdate();
  }
}
