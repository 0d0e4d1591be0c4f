// What the browser tests share: Chromium launched by Playwright, and a person's answers on the pod's pages.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
}

/** On the pod's login page: logs in, waits for the consent page, and returns whether it names the app. */
export async function logIn(page, username, password, appName) {
  await page.waitForSelector("input[name=password]", { timeout: 15000 });
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
  await page.waitForSelector("button[value=allow]", { timeout: 15000 });
  return (await page.content()).includes(appName);
}
