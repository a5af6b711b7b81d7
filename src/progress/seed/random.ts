/** A small seeded generator (mulberry32): the same seed gives the same example, run after run. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the keys, drawn with the given weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let draw = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

const firstNames = [
  'Amina', 'Yanis', 'Ines', 'Moussa', 'Lina', 'Karim', 'Sofia', 'Bilal', 'Maëlys', 'Ousmane', 'Jade', 'Rayan', 'Fatou', 'Léo', 'Nour', 'Adam', 'Awa', 'Hugo',
  'Yasmine', 'Ibrahim', 'Chloé', 'Mamadou', 'Sarah', 'Théo', 'Aïcha', 'Nathan', 'Mariam', 'Lucas', 'Salma', 'Enzo', 'Olena', 'Taras', 'Hawa', 'Samir', 'Zoé',
  'Dmytro', 'Kadiatou', 'Noah', 'Leïla', 'Tom', 'Fanta', 'Wassim', 'Emma', 'Abdou', 'Anaïs', 'Youssef', 'Clara', 'Seydou', 'Rania', 'Jules',
];

/**
 * A pseudonymous nickname (first name + initial, never a real person's full name), unique within
 * the set it is added to.
 */
export function nickname(random: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(firstNames)} ${String.fromCharCode(65 + random.int(0, 25))}.`;
    const unique = taken.has(name) ? `${name} ${random.int(2, 99)}` : name;
    if (taken.has(unique)) continue;
    taken.add(unique);
    return unique;
  }
}
