// The notifications page: asks the browser for permission, subscribes through the service worker with this
// instance's public VAPID key, and hands the subscription (endpoint and keys, no content) to the server.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function keyBytes(base64Url) {
    var s = base64Url.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) { s += "="; }
    var raw = atob(s), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer), s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  ready(function () {
    var setup = document.getElementById("push-setup");
    var button = document.getElementById("push-enable");
    var status = document.getElementById("push-status");
    if (!setup || !button) { return; }
    var say = function (text) { status.textContent = text; };

    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      button.disabled = true;
      say("This browser can't show notifications from a website. On an iPhone or iPad, add Mutuality to the Home Screen first (the steps are below); or use ntfy.");
      return;
    }

    button.addEventListener("click", function () {
      button.disabled = true;
      say("Asking this browser\u2026");
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") {
          throw new Error("This browser said no to notifications. You can allow them in its site settings and try again.");
        }
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          return existing || registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(setup.getAttribute("data-public-key"))
          });
        });
      }).then(function (subscription) {
        var form = new FormData();
        form.append("endpoint", subscription.endpoint);
        form.append("p256dh", toBase64Url(subscription.getKey("p256dh")));
        form.append("auth", toBase64Url(subscription.getKey("auth")));
        form.append("name", document.getElementById("device-name").value);
        var token = document.querySelector('meta[name="request-verification-token"]');
        form.append("__RequestVerificationToken", token ? token.getAttribute("content") : "");
        return fetch("/Account/Manage/Notifications?handler=Subscribe", { method: "POST", body: form, credentials: "same-origin" });
      }).then(function (response) {
        if (!response.ok) { throw new Error("Mutuality could not save this device. Please try again."); }
        window.location.assign("/Account/Manage/Notifications");
      }).catch(function (error) {
        button.disabled = false;
        say(error && error.message ? error.message : "That didn't work. Please try again.");
      });
    });
  });
})();
