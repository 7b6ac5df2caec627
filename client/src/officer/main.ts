// Officers' map (sign-in, clusters, letters).
export {};
