// Small progressive enhancements that must also work on static (non-interactive) pages such as Sign in.
(function () {
    'use strict';
    // The 'js' class on <html> is added by an inline script in App.razor's head, before the first paint.

    function navParts() {
        var button = document.querySelector('[data-nav-toggle]');
        var nav = button && document.getElementById(button.getAttribute('aria-controls'));
        return { button: button, nav: nav };
    }

    function setNavOpen(open) {
        var parts = navParts();
        if (!parts.button || !parts.nav) { return; }
        parts.button.setAttribute('aria-expanded', open ? 'true' : 'false');
        parts.nav.classList.toggle('site-nav--open', open);
    }

    function focusTarget(target) {
        if (!/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName) && !target.hasAttribute('tabindex')) {
            target.setAttribute('tabindex', '-1');
        }
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'start' });
    }

    document.addEventListener('click', function (event) {
        if (!(event.target instanceof Element)) { return; }
        var toggle = event.target.closest('[data-nav-toggle]');
        if (toggle) {
            setNavOpen(toggle.getAttribute('aria-expanded') !== 'true');
            return;
        }
        if (event.target.closest('.site-nav a')) { setNavOpen(false); }

        // In-page links (skip link, error summary): move focus to the target, not just the scroll position.
        // <base href="/"> would otherwise send "#id" links to the home page.
        var link = event.target.closest('a[href^="#"]');
        if (link) {
            var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
            if (target) {
                event.preventDefault();
                event.stopPropagation();
                focusTarget(target);
            }
        }
    }, true);

    document.addEventListener('keydown', function (event) {
        var parts = navParts();
        if (event.key === 'Escape' && parts.button && parts.button.getAttribute('aria-expanded') === 'true') {
            setNavOpen(false);
            parts.button.focus();
        }
    });

    // After in-app navigation (called by FocusHeadingOnNavigate.razor): focus the new page's h1, and again if it only
    // appears, or is replaced, once the page's data has loaded; stop as soon as the person presses a key or clicks.
    var stopFocusingHeading = function () { };
    window.housingFocusHeading = function () {
        stopFocusingHeading();
        var focusedOnce = false;
        function focusHeading() {
            var h1 = document.querySelector('h1'), active = document.activeElement;
            // The first time, take focus from wherever the link was; after that only if focus fell back to the page.
            if (h1 && active !== h1 && (!focusedOnce || !active || active === document.body)) {
                if (!h1.hasAttribute('tabindex')) { h1.setAttribute('tabindex', '-1'); }
                h1.focus();
                focusedOnce = true;
            }
        }
        var observer = new MutationObserver(focusHeading);
        var timer = setTimeout(function () { stopFocusingHeading(); }, 10000);
        stopFocusingHeading = function () {
            observer.disconnect();
            clearTimeout(timer);
            document.removeEventListener('keydown', stopFocusingHeading, true);
            document.removeEventListener('pointerdown', stopFocusingHeading, true);
        };
        focusHeading();
        observer.observe(document.body, { childList: true, subtree: true });
        document.addEventListener('keydown', stopFocusingHeading, true);
        document.addEventListener('pointerdown', stopFocusingHeading, true);
    };

    function focusErrorSummary() {
        var summary = document.querySelector('.error-summary');
        if (summary) { summary.focus(); }
    }

    document.addEventListener('DOMContentLoaded', focusErrorSummary);
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', function () {
            // Enhanced navigation syncs <html> attributes with the new page, which drops the class added above.
            document.documentElement.classList.add('js');
            setNavOpen(false);
            focusErrorSummary();
            // Static pages reached in-app: Blazor's FocusOnNavigate sometimes runs before the new page is in place
            // (seen under load), which leaves focus on the body; the new page's h1 is where it belongs.
            var active = document.activeElement, h1 = document.querySelector('h1');
            if (h1 && (!active || active === document.body)) {
                if (!h1.hasAttribute('tabindex')) { h1.setAttribute('tabindex', '-1'); }
                h1.focus();
            }
        });
    }
})();
