// Session time-out warning (WCAG 2.2.1): shows the dialog rendered by SessionTimeoutWarning.razor shortly before the
// idle time-out, "Stay signed in" re-issues the sign-in cookie, and at the time-out the sign-out form is sent.
(function () {
    'use strict';
    var warnTimer, endTimer, tick, deadline, returnFocus;

    function parts() {
        var root = document.querySelector('[data-session-timeout]');
        return root && {
            root: root,
            timeout: parseInt(root.getAttribute('data-session-timeout'), 10) * 1000,
            warning: parseInt(root.getAttribute('data-session-warning'), 10) * 1000,
            dialog: root.querySelector('[role=alertdialog]'),
            countdown: root.querySelector('[data-session-countdown]'),
            signOut: root.querySelector('[data-session-signout]'),
            keepAlive: document.querySelector('[data-session-keepalive]')
        };
    }

    function showCountdown(p) {
        var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        var minutes = Math.floor(seconds / 60);
        p.countdown.textContent = minutes > 0
            ? minutes + (minutes === 1 ? ' minute' : ' minutes') + (seconds % 60 ? ' ' + (seconds % 60) + ' seconds' : '')
            : seconds + ' seconds';
    }

    // While the warning shows, the rest of the page is inert (aria-modal made true): Tab stays in the dialog and
    // screen readers cannot wander behind it.
    function setInertOutside(root, on) {
        for (var node = root; node.parentElement && node !== document.body; node = node.parentElement) {
            Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
                if (sibling === node) { return; }
                if (on && !sibling.inert) {
                    sibling.inert = true;
                    sibling.setAttribute('data-session-inert', '');
                } else if (!on && sibling.hasAttribute('data-session-inert')) {
                    sibling.inert = false;
                    sibling.removeAttribute('data-session-inert');
                }
            });
        }
    }

    function show(p) {
        returnFocus = document.activeElement;
        p.root.hidden = false;
        setInertOutside(p.root, true);
        showCountdown(p);
        // Update the count every 20 seconds, not every second, so screen readers are not flooded.
        tick = setInterval(function () { showCountdown(p); }, 20000);
        p.dialog.focus();
    }

    function close(p) {
        var hadFocus = p.root.contains(document.activeElement);
        p.root.hidden = true;
        setInertOutside(p.root, false);
        // Back to where the person was, so staying signed in does not lose their place on the page.
        if (hadFocus && returnFocus && returnFocus.isConnected && returnFocus !== document.body) {
            returnFocus.focus();
        }
        returnFocus = null;
    }

    function start() {
        clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
        var p = parts();
        if (!p) { return; }
        close(p);
        // This page's clock starts after the server's did: sign out a little early, while the session (and so the
        // sign-out form's antiforgery token) is still valid; at the exact end the server refused it with a 400.
        var end = Math.max(0, p.timeout - Math.min(5000, p.timeout / 10));
        deadline = Date.now() + end;
        // Look the parts up again when the timers fire: once the page turns interactive, Blazor may have replaced them.
        warnTimer = setTimeout(function () { var now = parts(); if (now) { show(now); } }, Math.max(0, p.timeout - p.warning));
        endTimer = setTimeout(function () { var now = parts(); if (now) { now.signOut.requestSubmit(); } }, end);
    }

    document.addEventListener('click', function (event) {
        if (!(event.target instanceof Element) || !event.target.closest('[data-session-stay]')) { return; }
        var p = parts();
        fetch(p.keepAlive.getAttribute('action'), { method: 'POST', body: new FormData(p.keepAlive), credentials: 'same-origin' })
            .then(function (response) {
                if (response.ok) { start(); } else { p.signOut.requestSubmit(); }
            });
    });

    document.addEventListener('keydown', function (event) {
        var p = parts();
        if (event.key === 'Escape' && p && !p.root.hidden) { p.root.querySelector('[data-session-stay]').click(); }
    });

    start();
    // Enhanced navigation swaps the page without reloading: each new page is activity, so restart the clock.
    if (window.Blazor && Blazor.addEventListener) { Blazor.addEventListener('enhancedload', start); }
    document.addEventListener('DOMContentLoaded', start);
})();
