/* Mutuality's service worker (version __VERSION__).
   What it keeps: only the static files listed below (styles, scripts, icons) and the offline page, in one cache
   named after this version. It never stores a page, fragment or JSON answer from the server: a signed-in page
   goes from the network to the browser and nowhere else. */
"use strict";

var VERSION = "__VERSION__";
var CACHE = "mutuality-static-" + VERSION;
var PRECACHE = __PRECACHE__;
var OFFLINE_URL = "/offline.html";
var OFFLINE_FRAGMENT =
  '<p class="offline-note" role="status">You\u2019re offline \u2014 nothing was sent. ' +
  "What you wrote is still here; try again when you\u2019re connected.</p>";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); })); })
      .then(function () { return self.skipWaiting(); })
  );
});

// A new version takes over at once and removes every cache an older version left behind.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) { return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); })); })
      .then(function () { return self.clients.claim(); })
  );
});

function isStatic(url) {
  return PRECACHE.indexOf(url.pathname + url.search) >= 0
    || /^\/(css|js|lib|icons)\//.test(url.pathname)
    || url.pathname === "/favicon.svg"
    || url.pathname === "/manifest.webmanifest";
}

function offlinePage() {
  return caches.match(OFFLINE_URL, { cacheName: CACHE }).then(function (hit) {
    return hit || new Response("You're offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  });
}

function offlineFragment() {
  return new Response(OFFLINE_FRAGMENT, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "X-Mutuality-Offline": "1", "Cache-Control": "no-store" }
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }

  // Pages: always from the network; the offline page only when the network cannot be reached. Nothing is stored.
  if (request.mode === "navigate") {
    if (request.method !== "GET") { return; }
    event.respondWith(fetch(request).catch(offlinePage));
    return;
  }

  // htmx requests: from the network; offline, a small fragment htmx does not swap in, so what was typed stays.
  if (request.headers.get("HX-Request") === "true") {
    event.respondWith(fetch(request).catch(offlineFragment));
    return;
  }

  // Static files: from this version's cache when listed there, otherwise from the network (and not stored).
  if (request.method === "GET" && isStatic(url)) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(request).then(function (hit) {
          return hit || fetch(request).catch(function () {
            return cache.match(request, { ignoreSearch: true }).then(function (loose) { return loose || Response.error(); });
          });
        });
      })
    );
  }
  // Everything else (server events, downloads, JSON) goes to the network untouched.
});

// Sign-out, Quick exit and account deletion ask the worker to drop everything it keeps.
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "clear-caches") {
    event.waitUntil(caches.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) { return caches.delete(key); }));
    }).then(function () {
      if (event.source && event.source.postMessage) { event.source.postMessage({ type: "caches-cleared" }); }
    }));
  }
});

function sameOriginPath(value) {
  try {
    var target = new URL(value || "/", self.location.origin);
    return target.origin === self.location.origin ? target.pathname + target.search : "/";
  } catch (e) {
    return "/";
  }
}

// A notice carries no content: a title, one plain sentence ("Sam sent you a request" or, discreetly,
// "Something new in Mutuality"), the page to open, and the unread count for the app icon.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  var shown = self.registration.showNotification(data.title || "Mutuality", {
    body: data.body || "Something new in Mutuality",
    tag: data.tag || "mutuality",
    icon: "/icons/icon-192.png",
    data: { url: sameOriginPath(data.url) }
  });
  var badge = Promise.resolve();
  if (typeof data.unread === "number" && self.navigator && self.navigator.setAppBadge) {
    badge = (data.unread > 0 ? self.navigator.setAppBadge(data.unread) : self.navigator.clearAppBadge()).catch(function () { });
  }
  event.waitUntil(Promise.all([shown, badge]));
});

// A tap opens the exact page: an open Mutuality window goes there, otherwise a new one opens.
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var path = sameOriginPath(event.notification.data && event.notification.data.url);
  var href = new URL(path, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        var client = windows[i];
        if (new URL(client.url).origin === self.location.origin && client.navigate) {
          return client.navigate(href).then(function (opened) { return (opened || client).focus(); })
            .catch(function () { return self.clients.openWindow(href); });
        }
      }
      return self.clients.openWindow(href);
    })
  );
});
