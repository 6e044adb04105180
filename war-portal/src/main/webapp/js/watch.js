// The portal's player. watch.html?channel=<name> plays the channel live, &replay=<broadcast id>
// one of its replays; &format=dash plays DASH instead of HLS, &from=start a live channel from the
// beginning. URLs are relative, so the browser sends the credentials it signed in with.
'use strict';

(() => {
  const video = document.getElementById('player');

  /** Shows why nothing plays, in place of the video. */
  function showError(message) {
    const error = document.getElementById('error');
    error.textContent = message;
    error.hidden = false;
    video.hidden = true;
  }

  /** What to play: the manifest's URL, its format, and a heading; throws on a malformed query. */
  function presentation(query) {
    const channel = query.get('channel') || '';
    const replay = query.get('replay');
    const format = query.get('format') || 'hls';
    if (!/^[a-z0-9-]{2,64}$/.test(channel)) {
      throw new Error('Which channel? Open this page as watch.html?channel=<name>.');
    }
    if (replay !== null && !/^[1-9][0-9]{0,17}$/.test(replay)) {
      throw new Error('A replay is named by its broadcast id, a number.');
    }
    if (format !== 'hls' && format !== 'dash') {
      throw new Error('The format is hls or dash.');
    }
    const manifest = format === 'hls' ? 'main.m3u8' : 'manifest.mpd';
    if (replay !== null) {
      return { format, url: `replay/${channel}/${replay}/${manifest}`, heading: `${channel}: replay ${replay}` };
    }
    const fromStart = query.get('from') === 'start' ? '?from=start' : '';
    return { format, url: `live/${channel}/${manifest}${fromStart}`, heading: `${channel}: live` };
  }

  /** The player library, loaded only for the format asked for. */
  function load(script) {
    return new Promise((resolve, reject) => {
      const element = document.createElement('script');
      element.src = script;
      element.onload = resolve;
      element.onerror = () => reject(new Error('The player could not be loaded; reload the page.'));
      document.head.append(element);
    });
  }

  function cannotPlay(detail, httpStatus) {
    if (httpStatus === 404) {
      return 'Nothing to play here: the channel is not live, or this replay does not exist.';
    }
    return `The video cannot be played (${detail}).`;
  }

  function playHls(url) {
    if (!Hls.isSupported()) {
      // Safari on iOS has no MediaSource for hls.js but plays HLS itself.
      video.src = url;
      return;
    }
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (event, data) => {
      // hls.js recovers from what it calls non-fatal errors by itself.
      if (data.fatal) {
        showError(cannotPlay(data.details, data.response?.code));
      }
    });
    hls.loadSource(url);
    hls.attachMedia(video);
  }

  function playDash(url) {
    const player = dashjs.MediaPlayer().create();
    player.on(dashjs.MediaPlayer.events.ERROR, (event) => {
      const error = event.error || {};
      showError(cannotPlay(error.message || `error ${error.code}`, error.data?.response?.status));
    });
    player.initialize(video, url, false);
  }

  // Browsers refuse to start with sound until the person has used the site: then start muted;
  // the controls unmute.
  function start() {
    video.play().catch((refused) => {
      if (refused.name === 'NotAllowedError') {
        video.muted = true;
        video.play().catch(() => {});
      }
    });
  }

  try {
    const what = presentation(new URLSearchParams(location.search));
    document.getElementById('what').textContent = what.heading;
    document.title = `${what.heading} · OnAir`;
    video.addEventListener('loadedmetadata', start, { once: true });
    video.addEventListener('error', () => showError(cannotPlay(video.error.message || 'decoding')));
    const library = what.format === 'hls' ? 'js/hls.js/hls.min.js' : 'js/dashjs/dash.mediaplayer.min.js';
    load(library)
      .then(() => (what.format === 'hls' ? playHls(what.url) : playDash(what.url)))
      .catch((failure) => showError(failure.message));
  } catch (malformed) {
    showError(malformed.message);
  }
})();
