// Type-level test of the README's Vue 3 snippet (checked by `npm run typecheck`, never run).
import { createApp, defineComponent, h, ref } from 'vue';
import 'freedomid-web/element';
import type { FreedomIdLoginEventMap } from 'freedomid-web/element';

// main.ts — a render function makes <freedomid-login> a plain custom element. With .vue templates,
// tell the compiler: vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('freedomid-') } } }).
const SignIn = defineComponent({
  setup() {
    const profile = ref<unknown>(null);
    const onSession = (event: FreedomIdLoginEventMap['freedomid-session']) => {
      profile.value = event.detail.response;
    };
    const onError = (event: FreedomIdLoginEventMap['freedomid-error']) => {
      console.error(event.detail.code, event.detail.message);
    };
    return () => [
      h('freedomid-login', {
        'client-id': 'c388f3cd-7722-4040-9bb2-94b0a05093aa',
        scope: 'openid read.profile',
        'params-url': '/api/freedomid/params',
        'backend-url': '/api/freedomid/callback',
        // Vue passes on<Event> props through as listeners: these listen to freedomid-session / freedomid-error.
        'onFreedomid-session': onSession,
        'onFreedomid-error': onError,
      }),
      h('p', profile.value === null ? '' : JSON.stringify(profile.value)),
    ];
  },
});

createApp(SignIn).mount('#app'); // your page's <div id="app"></div>

// The typings must catch these mistakes (each line fails to compile without its directive).
export const mistakes = [
  (event: FreedomIdLoginEventMap['freedomid-session']) => {
    // @ts-expect-error the backend's reply is unknown until the page checks it
    const reply: { name: string } = event.detail.response;
    return reply;
  },
  (event: FreedomIdLoginEventMap['freedomid-redirect']) => {
    // @ts-expect-error the redirect event carries the URL as a string, not a URL
    const url: URL = event.detail.url;
    return url;
  },
];
