// A real browser (Chromium, driven by Playwright) logs a person in to an app that lives on another site:
// the app's login link, the pod's login and consent pages, and back to the app with a code; then a second
// time, when the session (a SameSite=Strict cookie) and the remembered consent send the browser straight
// back. Prints one JSON line of what the browser saw.
// Usage: node browser-login.mjs ISSUER USERNAME PASSWORD   (CHROMIUM overrides /usr/bin/chromium)
import crypto from "node:crypto";
import http from "node:http";
import { launchChromium, logIn } from "./pod-pages.mjs";

const [issuer, username, password] = process.argv.slice(2);

// The app: 127.0.0.1 is another site than the pod's localhost, as an app's own domain would be.
let state;
let clientId;
let redirectUri;
const app = http.createServer((request, response) => {
  response.setHeader("Content-Type", "text/html");
  if (request.url === "/") {
    state = crypto.randomBytes(16).toString("base64url");
    const verifier = crypto.randomBytes(32).toString("base64url");
    const challenge = crypto.createHash("sha256").update(verifier).digest("base64url");
    const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirectUri,
      scope: "openid webid offline_access", state, nonce: crypto.randomUUID(), code_challenge: challenge, code_challenge_method: "S256" });
    response.end(`<!doctype html><title>App</title><a id="login" href="${issuer}idp/authorize?${query}">Log in with your pod</a>`);
  } else {
    response.end("<!doctype html><title>Back in the app</title><p>Welcome back</p>");
  }
});
await new Promise((resolve) => app.listen(0, "127.0.0.1", resolve));
const appOrigin = `http://127.0.0.1:${app.address().port}`;
redirectUri = `${appOrigin}/callback`;

const registered = await fetch(new URL("/idp/reg", issuer), { method: "POST", headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ client_name: "Browser test app", redirect_uris: [redirectUri], token_endpoint_auth_method: "none" }) });
clientId = (await registered.json()).client_id;

const browser = await launchChromium();
const result = {};
try {
  const page = await browser.newPage();
  const backInApp = () => page.waitForURL((url) => url.href.startsWith(redirectUri), { timeout: 15000 });

  await page.goto(`${appOrigin}/`);
  await page.click("#login");
  result.consentNamesApp = await logIn(page, username, password, "Browser test app");
  result.cookieHiddenFromScripts = (await page.evaluate(() => document.cookie)).indexOf("intentpod_session") < 0;
  await page.click("button[value=allow]");
  await backInApp();
  let back = new URL(page.url());
  result.firstCode = back.searchParams.has("code") && back.searchParams.get("state") === state && back.searchParams.get("iss") === issuer;

  await page.goto(`${appOrigin}/`);
  await page.click("#login");
  await backInApp();
  back = new URL(page.url());
  result.secondStraightBack = back.searchParams.has("code") && back.searchParams.get("state") === state;

  result.sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name === "intentpod_session")
    .map((cookie) => `${cookie.path} ${cookie.httpOnly ? "HttpOnly" : ""} ${cookie.sameSite}`).sort();
} catch (error) {
  result.error = String(error);
} finally {
  await browser.close();
  app.close();
}
console.log(JSON.stringify(result));
