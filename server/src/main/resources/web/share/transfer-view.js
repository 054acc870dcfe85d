// One row of the share page's file list: name, size, a progress bar, what is happening, and
// Cancel while it runs or a download link once a received file is verified. DOM only.

import { formatBytes } from '/share/file-transfer.js';

const STATUS = {
  sending: (t) => `Sending… ${percent(t)}`,
  confirming: () => 'Sent; the other side is checking it…',
  receiving: (t) => `Receiving… ${percent(t)}`,
  verifying: () => 'Checking the SHA-256…',
  done: (t) => (t.direction === 'out' ? 'Delivered and verified by the other side' : 'Received; SHA-256 verified'),
  cancelled: (t) => (t.cancelledBy === 'you' ? 'You cancelled it' : 'Cancelled by the other side'),
  failed: (t) => t.error,
};

export class TransferView {
  /**
   * @param {import('./file-transfer.js').Transfer} transfer
   * @param {(transfer) => void} onCancel
   */
  constructor(transfer, onCancel) {
    this.transfer = transfer;
    const li = (this.element = document.createElement('li'));
    li.className = 'transfer';
    li.dataset.direction = transfer.direction;
    li.dataset.id = transfer.id;
    const name = document.createElement('span');
    name.className = 'transfer-name';
    name.textContent = `${transfer.direction === 'out' ? '↑' : '↓'} ${transfer.name} (${formatBytes(transfer.size)})`;
    this._progress = document.createElement('progress');
    this._progress.max = Math.max(1, transfer.size);
    this._progress.setAttribute('aria-label', `Progress of ${transfer.name}`);
    this._status = document.createElement('span');
    this._status.className = 'transfer-status';
    this._cancel = document.createElement('button');
    this._cancel.type = 'button';
    this._cancel.className = 'cancel';
    this._cancel.textContent = 'Cancel';
    this._cancel.addEventListener('click', () => onCancel(transfer));
    li.append(name, this._progress, this._status, this._cancel);
    this.update();
  }

  update() {
    const t = this.transfer;
    this.element.dataset.state = t.state;
    this._progress.value = t.size === 0 && t.state === 'done' ? 1 : t.bytes;
    this._status.textContent = STATUS[t.state](t);
    this._cancel.hidden = !t.active;
    if (t.state === 'done' && t.blob && !this.element.querySelector('a.download')) {
      const a = document.createElement('a');
      a.className = 'download';
      a.href = URL.createObjectURL(t.blob);
      a.download = t.name;
      a.textContent = 'Save';
      this.element.append(a);
    }
  }
}

function percent(t) {
  return t.size ? `${Math.floor((100 * t.bytes) / t.size)}%` : '';
}
