import { defineConfig } from 'vango';

export default defineConfig({
  app: { lang: 'en', stylesheets: ['/app.css'] },
});
