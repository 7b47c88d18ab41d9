/* global window */
// Which seeded user the preview acts as. The page's switcher writes it; the Apex stand-in reads it.
const USER_KEY = 'powerdialer-preview-user';

let config = { users: [] };

export async function loadSession() {
    const response = await fetch('/preview-config.json');
    config = response.ok ? await response.json() : { users: [] };
    return config;
}

export function currentUser() {
    const chosen = window.localStorage.getItem(USER_KEY);
    return config.users.find((user) => user.id === chosen) ?? config.users[0];
}

export function chooseUser(userId) {
    window.localStorage.setItem(USER_KEY, userId);
}
