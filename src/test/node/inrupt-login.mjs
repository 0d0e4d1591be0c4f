// Logs a person in to an IntentPod with Inrupt's Node library (authorization code, PKCE, DPoP, dynamic
// client registration), playing the person's browser with plain HTTP: the login form, then the consent
// form. Then reads a private resource with the session's fetch and prints one JSON line of what happened.
// Usage: node inrupt-login.mjs ISSUER USERNAME PASSWORD RESOURCE
import { Session } from "@inrupt/solid-client-authn-node";

const [issuer, username, password, resource] = process.argv.slice(2);
const redirectUrl = "http://127.0.0.1:9/callback"; // never served: the redirect is caught here
const origin = new URL(issuer).origin;
const cookies = new Map();

async function browse(url, form) {
  const headers = { Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
  let body;
  if (form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers.Origin = origin;
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(url, { method: form ? "POST" : "GET", headers, body, redirect: "manual" });
  for (const setCookie of response.headers.getSetCookie()) {
    const [pair] = setCookie.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

function hidden(page, name) {
  const match = page.match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`));
  if (!match) throw new Error(`no ${name} in ${page}`);
  return match[1].replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

let authorizeUrl;
const session = new Session();
await session.login({ oidcIssuer: issuer, redirectUrl, clientName: "Inrupt Node interop", handleRedirect: (url) => { authorizeUrl = url; } });

const loginPage = await browse(authorizeUrl);
const loggedIn = await browse(new URL("/idp/login", issuer).href,
  { csrf: hidden(loginPage.text, "csrf"), return_to: hidden(loginPage.text, "return_to"), username, password });
if (loggedIn.status !== 303) throw new Error(`login: ${loggedIn.status} ${loggedIn.text}`);
const consentPage = await browse(new URL(loggedIn.location, issuer).href);
const approved = await browse(new URL("/idp/consent", issuer).href,
  { csrf: hidden(consentPage.text, "csrf"), request: hidden(consentPage.text, "request"), decision: "allow" });
if (approved.status !== 303) throw new Error(`consent: ${approved.status} ${approved.text}`);

await session.handleIncomingRedirect(approved.location);
const read = await session.fetch(resource);
console.log(JSON.stringify({ loggedIn: session.info.isLoggedIn, webId: session.info.webId, status: read.status, body: await read.text() }));
await session.logout({ logoutType: "app" });
