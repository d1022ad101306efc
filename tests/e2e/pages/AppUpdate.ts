// Page model of app updates: the service worker this page sees, checking for a new one, and the update prompt.
import type { Locator, Page } from 'playwright-core';

export interface ServiceWorkerState {
  controller: string | null;
  active: string | null;
  waiting: string | null;
  installing: string | null;
  activeControls: boolean;
}

export class AppUpdate {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /**
   * The update prompt: the status region once it says a new version is ready. The region itself has no size (the
   * prompt inside is position: fixed), so wait for what is inside it, e.g. with waitForPrompt.
   */
  prompt(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'En ny version af Referat er klar.' });
  }

  /** Waits until the update prompt's message and its buttons are visible. */
  async waitForPrompt(): Promise<void> {
    const prompt = this.prompt();
    await prompt.getByText('En ny version af Referat er klar.').waitFor();
    await prompt.getByRole('button', { name: 'Genindlæs' }).waitFor();
    await prompt.getByRole('button', { name: 'Senere' }).waitFor();
  }

  /** The service worker state this page sees: controller script and the registration's slots. */
  async serviceWorkerState(): Promise<ServiceWorkerState> {
    return this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const controller = navigator.serviceWorker.controller;
      return {
        controller: controller?.scriptURL ?? null,
        active: reg?.active?.scriptURL ?? null,
        waiting: reg?.waiting?.scriptURL ?? null,
        installing: reg?.installing?.scriptURL ?? null,
        activeControls: controller !== null && reg?.active === controller,
      };
    });
  }

  /** Asks the registration to check for a new service worker now (what the browser does on its own now and then). */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg) throw new Error('no service worker registration');
      await reg.update();
    });
  }
}
