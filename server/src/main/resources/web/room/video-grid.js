// The room call's grid of videos: one tile per person, with the name and what to know about
// them (muted, camera off, reconnecting, connection state). DOM only; no protocol here.

const LINK_TEXT = {
  new: 'Connecting…',
  connecting: 'Connecting…',
  disconnected: 'Connection interrupted…',
  failed: 'Connection failed',
};

export class VideoGrid {
  /**
   * @param {HTMLElement} container  the grid element; its data-count is the number of tiles
   * @param {(...args: any[]) => void} log
   */
  constructor(container, log) {
    this._container = container;
    this._log = log;
    this._tiles = new Map();
    this._silenced = false;
  }

  /** The tile of `key` (an identity), made if missing. `local`: this page's own camera, always muted. */
  tile(key, name, local = false) {
    let tile = this._tiles.get(key);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = local ? 'tile local' : 'tile';
      tile.dataset.identity = key;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = local || this._silenced;
      const caption = document.createElement('figcaption');
      const label = document.createElement('span');
      label.className = 'tile-name';
      const badges = document.createElement('span');
      badges.className = 'tile-badges';
      caption.append(label, badges);
      tile.append(video, caption);
      if (local) this._container.prepend(tile);
      else this._container.append(tile);
      this._tiles.set(key, tile);
      this._count();
    }
    tile.querySelector('.tile-name').textContent = local ? `${name} (you)` : name;
    return tile;
  }

  /** Shows `stream` in the tile of `key`. */
  stream(key, stream) {
    const tile = this._tiles.get(key);
    if (!tile) return;
    const video = tile.querySelector('video');
    if (video.srcObject === stream) return;
    video.srcObject = stream;
    video.play().catch((err) => {
      // Autoplay with sound needs a gesture; Join was one, so this is rare. Muted video always plays.
      this._log('play() refused', key, err.message);
      if (err.name === 'NotAllowedError') {
        video.muted = true;
        video.play().catch(() => {});
      }
    });
  }

  /**
   * Updates what the tile says: `state` (active / reconnecting), `link` (the peer connection's
   * state), `audio` / `video` (false: muted / camera off). Omitted fields keep their value.
   */
  update(key, fields) {
    const tile = this._tiles.get(key);
    if (!tile) return;
    for (const [field, value] of Object.entries(fields)) tile.dataset[field] = String(value);
    const badges = [];
    if (tile.dataset.state === 'reconnecting') badges.push('Reconnecting…');
    else if (LINK_TEXT[tile.dataset.link]) badges.push(LINK_TEXT[tile.dataset.link]);
    if (tile.dataset.audio === 'false') badges.push('Muted');
    if (tile.dataset.video === 'false') badges.push('Camera off');
    tile.querySelector('.tile-badges').textContent = badges.join(' · ');
  }

  remove(key) {
    const tile = this._tiles.get(key);
    if (!tile) return;
    tile.querySelector('video').srcObject = null;
    tile.remove();
    this._tiles.delete(key);
    this._count();
  }

  /** Removes every tile but this page's own. */
  clearRemote() {
    for (const [key, tile] of this._tiles) if (!tile.classList.contains('local')) this.remove(key);
  }

  clear() {
    for (const key of [...this._tiles.keys()]) this.remove(key);
  }

  /**
   * Mutes every remote video, now and later. Tests need it before getStats(): Chromium has
   * closed itself when getStats ran while remote audio played unmuted (TESTING.md).
   */
  silence() {
    this._silenced = true;
    for (const tile of this._tiles.values()) tile.querySelector('video').muted = true;
  }

  _count() {
    this._container.dataset.count = String(this._tiles.size);
  }
}
