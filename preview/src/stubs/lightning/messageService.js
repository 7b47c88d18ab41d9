// Preview stand-in for Lightning Message Service: one in-page bus, same functions.
const listeners = new Map();

export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback({ preview: true });
    }
    disconnect() {}
    update() {}
}

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export function publish(_context, channel, message) {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(message);
}

export function subscribe(_context, channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return { channel, listener };
}

export function unsubscribe(subscription) {
    listeners.get(subscription.channel)?.delete(subscription.listener);
}
