/*
 * taskpane.html's second script, right after office.js from Microsoft's CDN: when that did not load
 * (an office network without Internet access, a blocked CDN), load this server's copy of office.js
 * (dist/office-js/, copied from @microsoft/office-js by webpack.config.js) in its place. A
 * parser-inserted document.write keeps it synchronous and in <head>, before boot.js and the pane, as
 * office.js must be. Plain ES5 (Trident runs it too); a file of its own because the page's CSP
 * allows no inline script. If this copy cannot load either, boot.js says so.
 */
/* global window, document */
(function () {
  if (typeof window !== "undefined" && typeof window.Office === "undefined" && typeof document !== "undefined") {
    var me = document.getElementById("xzzf-office-fallback");
    var src = (me && me.getAttribute("data-src")) || "office-js/office.js";
    // office.js takes the folder of the first <script> named office.js as the place to load its host
    // and string files from: take the CDN's failed element out, or this copy would still ask the CDN.
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      var s = scripts[i];
      var from = s.getAttribute("src") || "";
      if (s !== me && /^https?:\/\//i.test(from) && /\/office(?:\.debug)?\.js(?:[?#]|$)/i.test(from) && s.parentNode) s.parentNode.removeChild(s);
    }
    document.write('<script src="' + src.replace(/["<>&]/g, "") + '"></scr' + "ipt>");
  }
})();
