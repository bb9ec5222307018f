function handler(this: Window, ev: Event): void {}
