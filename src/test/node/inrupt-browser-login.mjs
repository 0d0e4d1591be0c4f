// Inrupt's browser library (@inrupt/solid-client-authn-browser, its published bundle) in a real Chromium:
// an app on another site registers itself, sends the person to the pod's login and consent pages, takes
// the code back, gets DPoP-bound tokens (cross-origin, so through CORS) and reads a private resource with
// its own proofs. Prints one JSON line of what the app saw.
// Usage: node inrupt-browser-login.mjs ISSUER USERNAME PASSWORD RESOURCE   (CHROMIUM overrides /usr/bin/chromium)
import fs from "node:fs";
import http from "node:http";
import { launchChromium, logIn } from "./pod-pages.mjs";

const [issuer, username, password, resource] = process.argv.slice(2);
const bundle = fs.readFileSync(new URL("./node_modules/@inrupt/solid-client-authn-browser/dist/solid-client-authn.bundle.js", import.meta.url));

// The app, on 127.0.0.1 (another site than the pod's localhost): one page that logs in, and reads once logged in.
const page = `<!doctype html><title>Inrupt app</title><script src="/authn.js"></script><script>
(async () => {
  const session = solidClientAuthentication.getDefaultSession();
  try {
    await session.handleIncomingRedirect({ url: location.href, restorePreviousSession: false });
    if (!session.info.isLoggedIn) {
      await session.login({ oidcIssuer: ${JSON.stringify(issuer)}, redirectUrl: location.origin + "/", clientName: "Inrupt browser app" });
      return;
    }
    const read = await session.fetch(${JSON.stringify(resource)});
    document.body.dataset.result = JSON.stringify({ webId: session.info.webId, status: read.status, body: await read.text() });
  } catch (error) {
    document.body.dataset.result = JSON.stringify({ error: String(error) });
  }
})();
</script><body></body>`;
const app = http.createServer((request, response) => {
  const js = request.url === "/authn.js";
  response.setHeader("Content-Type", js ? "text/javascript" : "text/html");
  response.end(js ? bundle : page);
});
await new Promise((resolve) => app.listen(0, "127.0.0.1", resolve));

const browser = await launchChromium();
let result;
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${app.address().port}/`);
  const consentNamesApp = await logIn(tab, username, password, "Inrupt browser app");
  await tab.click("button[value=allow]");
  await tab.waitForSelector("body[data-result]", { state: "attached", timeout: 20000 });
  result = { consentNamesApp, ...JSON.parse(await tab.getAttribute("body", "data-result")) };
} catch (error) {
  result = { error: String(error) };
} finally {
  await browser.close();
  app.close();
}
console.log(JSON.stringify(result));
