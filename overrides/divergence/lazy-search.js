/* Material's search, started when the reader reaches for it (see overrides/main.html). */
(function () {
  var xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send;
  var RealWorker = window.Worker, held = [], wanted = false;

  function start() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (resume) { resume(); });
  }

  // The index: Material requests it with XMLHttpRequest (for its progress bar).
  xhr.open = function (method, url) {
    this.dvIndex = /\/search\/search_index\.json$/.test(url);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    var request = this, args = arguments;
    if (!request.dvIndex || wanted) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  // The worker: a stand-in that Material talks to until the real one starts. Not from
  // file://, where the offline build's worker shim must start with the page.
  if (RealWorker && location.protocol !== "file:") {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[\w.]*js$/.test(url)) return new RealWorker(url, options);
      var standIn = new EventTarget(), real = null, queue = [];
      standIn.postMessage = function (message) {
        real ? real.postMessage(message) : queue.push(message);
      };
      standIn.terminate = function () { if (real) real.terminate(); };
      held.push(function () {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return standIn;
    };
  }

  // Material focuses the search box on its button and on the "/", "s" and "f" keys.
  addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) start();
  }, true);
})();
