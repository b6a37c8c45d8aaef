import { formRules } from 'vango';

/** What a new todo must satisfy; checked on the server for live and no-JavaScript submits alike. */
export const todoRules = formRules({
  title: {
    required: 'Write something to do.',
    minLength: [2, 'Use at least 2 characters.'],
    maxLength: [100, 'Keep it under 100 characters.'],
  },
});
