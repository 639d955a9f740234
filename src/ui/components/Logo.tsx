/** The Flowpad mark, the same drawing as public/icon.svg, sized by CSS. */
export function Logo() {
  return (
    <svg class="logo" viewBox="0 0 512 512" aria-hidden="true">
      <rect width="512" height="512" rx="112" fill="#1f6feb" />
      <path d="M112 364 200 252l80 64 104-152" fill="none" stroke="#fff" stroke-width="44" stroke-linecap="round" stroke-linejoin="round" />
      <circle cx="384" cy="164" r="40" fill="#fff" />
    </svg>
  );
}
