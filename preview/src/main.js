/* global window, document */
// The preview page: the compiled force-app billing summary, as Lightning would show it.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import BillingSummary from 'c/billingSummary';
import { chooseUser, currentUser, loadSession } from './session.js';

function showToast(event) {
    const { title, message, variant } = event.detail ?? {};
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${variant === 'error' ? 'error' : 'success'}`;
    toast.setAttribute('role', 'status');
    toast.textContent = message ? `${title}: ${message}` : title;
    document.getElementById('toasts').appendChild(toast);
    setTimeout(() => toast.remove(), 4000);
}

function renderSwitcher(users) {
    const select = document.getElementById('user');
    for (const user of users) {
        const option = document.createElement('option');
        option.value = user.id;
        option.textContent = `${user.name}${user.isAdmin ? ' (admin)' : ''}`;
        select.appendChild(option);
    }
    select.value = currentUser()?.id ?? '';
    select.addEventListener('change', () => {
        chooseUser(select.value);
        window.location.reload();
    });
}

async function start() {
    const config = await loadSession();
    renderSwitcher(config.users);
    document.addEventListener('lightning__showtoast', showToast);
    document.getElementById('root').appendChild(createElement('c-billing-summary', { is: BillingSummary }));
}

start();
