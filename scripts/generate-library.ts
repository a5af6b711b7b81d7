/**
 * Writes a deterministic synthetic library in the content format (DESIGN.md, "Content model"),
 * for benchmarks: ~10 trades, 8 skills each, one author per ~50 modules, modules of 400–900
 * words of French-like text (about 10 % in English) using every know-how component the way real
 * modules do, one path per trade, and a French and an English glossary.
 *
 *   node scripts/generate-library.ts <dir> --modules N [--seed S]
 *
 * The same (modules, seed) always gives the same files. The output passes the zod schemas and
 * the reference checks (`loadLibrary` reports 0 errors).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast and good enough for text; the same seed gives the same sequence. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number): boolean => next() < p;
  /** `count` distinct items, in a random order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  };
  return { next, int, pick, chance, sample };
}
type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Vocabulary. Plain text never holds `{`, `}`, `<`, `>` (MDX syntax) nor Markdown markers.

type Lang = 'fr' | 'en';
type Pair = readonly [fr: string, en: string];

interface TradeSpec {
  id: string;
  label: Pair;
  rome: string;
  summary: string;
  /** Actions, infinitive (title case applied later). */
  verbs: readonly Pair[];
  /** What the actions are done to, with an article. */
  objects: readonly Pair[];
  tools: readonly Pair[];
  /** Skill ids are `<trade>-<theme>`; labels say the theme. */
  skills: readonly (readonly [id: string, fr: string, en: string])[];
  /** Glossary words of the trade: French and English keys with a plain definition each. */
  terms: readonly (readonly [fr: string, frDefinition: string, en: string, enDefinition: string])[];
  hazard: Pair;
}

const trades: readonly TradeSpec[] = [
  {
    id: 'plomberie', label: ['Plomberie', 'Plumbing'], rome: 'F1603',
    summary: "Le plombier installe, répare et entretient les tuyaux d'eau, les évacuations et les appareils sanitaires.",
    verbs: [['Couper', 'Cut'], ['Braser', 'Braze'], ['Sertir', 'Crimp'], ['Poser', 'Fit'], ['Raccorder', 'Connect'], ['Tester', 'Test'], ['Réparer', 'Repair'], ['Purger', 'Bleed'], ['Fixer', 'Fix'], ['Démonter', 'Take apart']],
    objects: [['un tube cuivre', 'a copper pipe'], ['un raccord multicouche', 'a multilayer fitting'], ['une évacuation PVC', 'a PVC waste pipe'], ['un robinet', 'a tap'], ['un siphon', 'a trap'], ['un chauffe-eau', 'a water heater'], ['une colonne', 'a riser'], ['un WC suspendu', 'a wall-hung toilet'], ['un lavabo', 'a washbasin'], ['une vanne', 'a valve']],
    tools: [['Coupe-tube', 'Pipe cutter'], ['Ébavureur', 'Deburring tool'], ['Pince à sertir', 'Crimping tool'], ['Clé à molette', 'Adjustable spanner'], ['Chalumeau', 'Blowtorch'], ['Niveau à bulle', 'Spirit level'], ['Ruban PTFE', 'PTFE tape'], ['Seau et serpillière', 'Bucket and cloth']],
    skills: [['plomberie-faconnage', 'Façonner les tubes', 'Shaping pipes'], ['plomberie-brasage', 'Braser le cuivre', 'Brazing copper'], ['plomberie-evacuation', "Poser les évacuations", 'Fitting waste pipes'], ['plomberie-sanitaire', 'Poser les appareils sanitaires', 'Fitting sanitary ware'], ['plomberie-etancheite', "Contrôler l'étanchéité", 'Checking for leaks'], ['plomberie-depannage', 'Dépanner une installation', 'Troubleshooting'], ['plomberie-lecture-plan', 'Lire un plan', 'Reading a drawing'], ['plomberie-securite', 'Travailler en sécurité', 'Working safely']],
    terms: [['brasure', "Métal fondu qui relie deux pièces de cuivre sans les faire fondre.", 'brazing', 'Joining metal parts with a melted filler metal.'], ['bavure', "Petit bord coupant qui reste au bout d'un tube après la coupe.", 'burr', 'A sharp edge left on a pipe after cutting.'], ['siphon', "Pièce en forme de coude qui garde un peu d'eau et bloque les odeurs.", 'trap', 'A bent pipe that holds water and stops smells.'], ['pente', "Inclinaison d'un tuyau pour que l'eau coule seule.", 'fall', 'The slope of a pipe so that water flows by itself.'], ['sertissage', "Serrage d'un raccord avec une pince, sans flamme.", 'crimping', 'Squeezing a fitting with a tool, without a flame.']],
    hazard: ["la flamme du chalumeau et l'eau sous pression", 'the torch flame and water under pressure'],
  },
  {
    id: 'electricite', label: ['Électricité du bâtiment', 'Building electrics'], rome: 'F1602',
    summary: "L'électricien installe et met en service les circuits, les tableaux et les appareils électriques des bâtiments.",
    verbs: [['Tirer', 'Pull'], ['Raccorder', 'Wire'], ['Poser', 'Install'], ['Consigner', 'Lock out'], ['Mesurer', 'Measure'], ['Remplacer', 'Replace'], ['Repérer', 'Label'], ['Encastrer', 'Flush-mount'], ['Vérifier', 'Check'], ['Câbler', 'Cable']],
    objects: [['une prise de courant', 'a socket'], ['un interrupteur', 'a switch'], ['un tableau électrique', 'a consumer unit'], ['un disjoncteur', 'a circuit breaker'], ['une gaine', 'a conduit'], ['un point lumineux', 'a light point'], ['une boîte de dérivation', 'a junction box'], ['un circuit de chauffage', 'a heating circuit'], ['une ligne de terre', 'an earth line'], ['un va-et-vient', 'a two-way switch']],
    tools: [['Tournevis isolé', 'Insulated screwdriver'], ['Pince à dénuder', 'Wire stripper'], ['Vérificateur d’absence de tension', 'Voltage tester'], ['Multimètre', 'Multimeter'], ['Aiguille tire-fil', 'Fish tape'], ['Cadenas de consignation', 'Lockout padlock'], ['Perforateur', 'Hammer drill'], ['Niveau laser', 'Laser level']],
    skills: [['electricite-consignation', 'Consigner une installation', 'Locking out a circuit'], ['electricite-cablage', 'Câbler un circuit', 'Wiring a circuit'], ['electricite-tableau', 'Équiper un tableau', 'Fitting a consumer unit'], ['electricite-mesures', 'Faire les mesures', 'Taking measurements'], ['electricite-appareillage', "Poser l'appareillage", 'Fitting switches and sockets'], ['electricite-saignees', 'Passer les gaines', 'Running conduits'], ['electricite-normes', 'Appliquer la norme', 'Applying the standard'], ['electricite-depannage', 'Dépanner un circuit', 'Fault finding']],
    terms: [['consignation', "Couper, bloquer et vérifier le courant avant de travailler.", 'lockout', 'Switching off, locking and checking power before work.'], ['disjoncteur', "Appareil qui coupe le courant quand il y a un problème.", 'breaker', 'A device that cuts the power when something is wrong.'], ['différentiel', "Protection qui coupe le courant s'il part dans la terre.", 'residual current device', 'Protection that cuts power when current leaks to earth.'], ['phase', "Le fil qui amène le courant.", 'live wire', 'The wire that brings the current.'], ['neutre', "Le fil qui ramène le courant.", 'neutral', 'The wire that takes the current back.']],
    hazard: ["l'électrocution et l'arc électrique", 'electric shock and arc flash'],
  },
  {
    id: 'maconnerie', label: ['Maçonnerie', 'Masonry'], rome: 'F1703',
    summary: 'Le maçon construit les murs, les dalles et les fondations, en parpaing, en brique ou en béton.',
    verbs: [['Monter', 'Build'], ['Couler', 'Pour'], ['Gâcher', 'Mix'], ['Implanter', 'Set out'], ['Enduire', 'Render'], ['Coffrer', 'Form'], ['Jointoyer', 'Point'], ['Araser', 'Level off'], ['Ferrailler', 'Reinforce'], ['Étayer', 'Prop']],
    objects: [['un mur en parpaing', 'a block wall'], ['une dalle', 'a slab'], ['un mortier', 'a mortar'], ['une fondation', 'a footing'], ['un linteau', 'a lintel'], ['un chaînage', 'a ring beam'], ['un enduit', 'a render'], ['un muret', 'a low wall'], ['un appui de fenêtre', 'a window sill'], ['une chape', 'a screed']],
    tools: [['Truelle', 'Trowel'], ['Niveau de maçon', "Mason's level"], ['Cordeau', 'Builder’s line'], ['Bétonnière', 'Concrete mixer'], ['Règle alu', 'Straightedge'], ['Auge', 'Mortar tub'], ['Fil à plomb', 'Plumb line'], ['Massette', 'Club hammer']],
    skills: [['maconnerie-implantation', 'Implanter un ouvrage', 'Setting out'], ['maconnerie-mortier', 'Préparer le mortier', 'Mixing mortar'], ['maconnerie-elevation', 'Monter les murs', 'Building walls'], ['maconnerie-beton', 'Couler le béton', 'Pouring concrete'], ['maconnerie-coffrage', 'Coffrer', 'Formwork'], ['maconnerie-ferraillage', 'Poser les armatures', 'Fixing rebar'], ['maconnerie-enduits', 'Faire les enduits', 'Rendering'], ['maconnerie-securite', 'Travailler en sécurité sur chantier', 'Site safety']],
    terms: [['parpaing', 'Bloc de béton creux pour monter les murs.', 'concrete block', 'A hollow concrete block used to build walls.'], ['gâchée', 'La quantité de mortier préparée en une fois.', 'batch', 'The amount of mortar mixed at one time.'], ['aplomb', 'Un mur est d’aplomb quand il est bien vertical.', 'plumb', 'A wall is plumb when it is truly vertical.'], ['laitance', 'Couche fine et fragile à la surface du béton.', 'laitance', 'A weak thin layer on top of concrete.'], ['harpage', 'Croisement des blocs aux angles pour tenir le mur.', 'bonding', 'Crossing blocks at corners so the wall holds.']],
    hazard: ['le ciment qui brûle la peau et les charges lourdes', 'cement burns and heavy loads'],
  },
  {
    id: 'peinture', label: ['Peinture en bâtiment', 'Painting and decorating'], rome: 'F1606',
    summary: 'Le peintre prépare les supports et applique peintures, enduits et revêtements, dedans et dehors.',
    verbs: [['Préparer', 'Prepare'], ['Poncer', 'Sand'], ['Reboucher', 'Fill'], ['Peindre', 'Paint'], ['Protéger', 'Protect'], ['Lessiver', 'Wash down'], ['Tapisser', 'Paper'], ['Lisser', 'Skim'], ['Laquer', 'Lacquer'], ['Décaper', 'Strip']],
    objects: [['un plafond', 'a ceiling'], ['un mur en plâtre', 'a plaster wall'], ['une boiserie', 'a wooden trim'], ['une façade', 'a facade'], ['une porte', 'a door'], ['un radiateur', 'a radiator'], ['un papier peint', 'a wallpaper'], ['une fissure', 'a crack'], ['un volet', 'a shutter'], ['une cage d’escalier', 'a stairwell']],
    tools: [['Rouleau', 'Roller'], ['Brosse à rechampir', 'Cutting-in brush'], ['Couteau à enduire', 'Filling knife'], ['Ponceuse', 'Sander'], ['Bâche', 'Dust sheet'], ['Ruban de masquage', 'Masking tape'], ['Escabeau', 'Stepladder'], ['Bac à peinture', 'Paint tray']],
    skills: [['peinture-preparation', 'Préparer les supports', 'Preparing surfaces'], ['peinture-enduits', 'Appliquer les enduits', 'Applying filler'], ['peinture-application', 'Appliquer la peinture', 'Applying paint'], ['peinture-finitions', 'Soigner les finitions', 'Finishing'], ['peinture-revetements', 'Poser les revêtements muraux', 'Hanging wall coverings'], ['peinture-facade', 'Traiter une façade', 'Facade work'], ['peinture-protection', 'Protéger le chantier', 'Protecting the site'], ['peinture-produits', 'Choisir les produits', 'Choosing products']],
    terms: [['rechampir', 'Peindre au pinceau les bords et les angles avant le rouleau.', 'cutting in', 'Painting edges and corners with a brush before rolling.'], ['impression', 'Première couche qui aide la peinture à tenir.', 'primer', 'A first coat that helps paint stick.'], ['ponçage', 'Rendre une surface lisse avec un abrasif.', 'sanding', 'Making a surface smooth with an abrasive.'], ['temps de séchage', 'Le temps à attendre avant la couche suivante.', 'drying time', 'How long to wait before the next coat.'], ['farinage', 'Poudre qui reste sur une vieille peinture quand on la touche.', 'chalking', 'Powder left by old paint when you touch it.']],
    hazard: ['les solvants, les poussières et les chutes d’escabeau', 'solvents, dust and falls from ladders'],
  },
  {
    id: 'carrelage', label: ['Carrelage', 'Tiling'], rome: 'F1608',
    summary: 'Le carreleur pose carreaux, faïences et mosaïques sur les sols et les murs.',
    verbs: [['Poser', 'Lay'], ['Couper', 'Cut'], ['Jointoyer', 'Grout'], ['Ragréer', 'Level'], ['Calepiner', 'Plan'], ['Encoller', 'Apply adhesive to'], ['Étancher', 'Waterproof'], ['Déposer', 'Remove'], ['Percer', 'Drill'], ['Nettoyer', 'Clean']],
    objects: [['un carrelage de sol', 'a floor tile'], ['une faïence murale', 'a wall tile'], ['une douche à l’italienne', 'a walk-in shower'], ['une plinthe', 'a skirting tile'], ['une mosaïque', 'a mosaic'], ['un grand format', 'a large-format tile'], ['un seuil', 'a threshold'], ['une crédence', 'a splashback'], ['un escalier', 'a staircase'], ['une terrasse', 'a terrace']],
    tools: [['Coupe-carreaux', 'Tile cutter'], ['Peigne à colle', 'Notched trowel'], ['Croisillons', 'Tile spacers'], ['Maillet caoutchouc', 'Rubber mallet'], ['Raclette à joint', 'Grout float'], ['Éponge', 'Sponge'], ['Disqueuse', 'Angle grinder'], ['Règle de maçon', 'Straightedge']],
    skills: [['carrelage-supports', 'Préparer les supports', 'Preparing the substrate'], ['carrelage-calepinage', 'Calepiner', 'Setting out the tiles'], ['carrelage-coupe', 'Couper les carreaux', 'Cutting tiles'], ['carrelage-pose-sol', 'Poser au sol', 'Floor tiling'], ['carrelage-pose-mur', 'Poser au mur', 'Wall tiling'], ['carrelage-joints', 'Faire les joints', 'Grouting'], ['carrelage-etancheite', 'Étancher les pièces humides', 'Waterproofing wet rooms'], ['carrelage-securite', 'Travailler en sécurité', 'Working safely']],
    terms: [['calepinage', 'Le plan de pose qui dit où va chaque carreau.', 'setting out', 'The plan that shows where each tile goes.'], ['double encollage', 'Mettre de la colle sur le support et sur le carreau.', 'back-buttering', 'Putting adhesive on both the floor and the tile.'], ['croisillon', 'Petite croix qui garde le même joint entre les carreaux.', 'spacer', 'A small cross that keeps joints even.'], ['ragréage', 'Mortier liquide qui rend un sol plat.', 'levelling compound', 'A runny mortar that makes a floor flat.'], ['joint de fractionnement', 'Joint souple qui laisse le sol bouger sans casser.', 'movement joint', 'A flexible joint that lets the floor move.']],
    hazard: ['les éclats de coupe et la silice', 'cutting chips and silica dust'],
  },
  {
    id: 'menuiserie', label: ['Menuiserie', 'Joinery'], rome: 'H2206',
    summary: 'Le menuisier fabrique et pose portes, fenêtres, escaliers et meubles en bois.',
    verbs: [['Raboter', 'Plane'], ['Assembler', 'Join'], ['Scier', 'Saw'], ['Poncer', 'Sand'], ['Tracer', 'Mark out'], ['Coller', 'Glue'], ['Poser', 'Hang'], ['Ajuster', 'Fit'], ['Défoncer', 'Rout'], ['Vernir', 'Varnish']],
    objects: [['une planche', 'a board'], ['un tenon', 'a tenon'], ['une mortaise', 'a mortise'], ['une porte intérieure', 'an interior door'], ['un tiroir', 'a drawer'], ['une fenêtre', 'a window'], ['un escalier', 'a staircase'], ['un plan de travail', 'a worktop'], ['une étagère', 'a shelf'], ['un cadre', 'a frame']],
    tools: [['Rabot', 'Hand plane'], ['Scie à dos', 'Tenon saw'], ['Ciseau à bois', 'Chisel'], ['Équerre', 'Try square'], ['Serre-joints', 'Clamps'], ['Trusquin', 'Marking gauge'], ['Défonceuse', 'Router'], ['Colle vinylique', 'Wood glue']],
    skills: [['menuiserie-debit', 'Débiter le bois', 'Cutting timber'], ['menuiserie-rabotage', 'Raboter', 'Planing'], ['menuiserie-tracage', 'Tracer', 'Marking out'], ['menuiserie-assemblage', 'Assembler', 'Jointing'], ['menuiserie-machines', 'Utiliser les machines', 'Using machines'], ['menuiserie-pose', 'Poser les ouvrages', 'Installing joinery'], ['menuiserie-finition', 'Faire les finitions', 'Finishing'], ['menuiserie-securite', "Travailler en sécurité à l'atelier", 'Workshop safety']],
    terms: [['fil du bois', 'Le sens des fibres du bois.', 'grain', 'The direction of the wood fibres.'], ['tenon', 'Bout de bois taillé pour entrer dans une mortaise.', 'tenon', 'A shaped end that fits into a mortise.'], ['mortaise', 'Trou taillé pour recevoir un tenon.', 'mortise', 'A hole cut to take a tenon.'], ['chant', 'Le côté étroit d’une planche.', 'edge', 'The narrow side of a board.'], ['affûtage', 'Rendre une lame coupante.', 'sharpening', 'Making a blade cut well.']],
    hazard: ['les lames, les machines et la poussière de bois', 'blades, machines and wood dust'],
  },
  {
    id: 'boulangerie', label: ['Boulangerie', 'Baking'], rome: 'D1102',
    summary: 'Le boulanger prépare, façonne et cuit le pain et les viennoiseries, souvent la nuit.',
    verbs: [['Pétrir', 'Knead'], ['Façonner', 'Shape'], ['Peser', 'Weigh'], ['Cuire', 'Bake'], ['Rafraîchir', 'Refresh'], ['Laminer', 'Laminate'], ['Diviser', 'Divide'], ['Grigner', 'Score'], ['Bouler', 'Round'], ['Refroidir', 'Cool']],
    objects: [['une pâte à pain', 'a bread dough'], ['une baguette', 'a baguette'], ['un levain', 'a sourdough starter'], ['un croissant', 'a croissant'], ['une pâte feuilletée', 'a puff pastry'], ['un pain de campagne', 'a country loaf'], ['une brioche', 'a brioche'], ['une fournée', 'a batch'], ['un pain de mie', 'a sandwich loaf'], ['une pâte levée', 'a yeast dough']],
    tools: [['Pétrin', 'Mixer'], ['Balance', 'Scales'], ['Corne', 'Dough scraper'], ['Lame à grigner', 'Scoring blade'], ['Couche en lin', 'Linen couche'], ['Thermomètre', 'Thermometer'], ['Pelle à enfourner', 'Peel'], ['Gants anti-chaleur', 'Heat gloves']],
    skills: [['boulangerie-pesee', 'Peser et doser', 'Weighing'], ['boulangerie-petrissage', 'Pétrir', 'Kneading'], ['boulangerie-fermentation', 'Conduire la fermentation', 'Managing fermentation'], ['boulangerie-faconnage', 'Façonner', 'Shaping'], ['boulangerie-cuisson', 'Cuire', 'Baking'], ['boulangerie-viennoiserie', 'Faire la viennoiserie', 'Making pastries'], ['boulangerie-hygiene', "Respecter l'hygiène", 'Food hygiene'], ['boulangerie-organisation', 'Organiser la production', 'Planning production']],
    terms: [['pointage', 'Première pousse de la pâte, juste après le pétrissage.', 'bulk fermentation', 'The first rise of the dough, right after mixing.'], ['apprêt', 'Dernière pousse avant la cuisson.', 'final proof', 'The last rise before baking.'], ['frasage', 'Début du pétrissage, quand on mélange farine et eau.', 'initial mix', 'The start of mixing, when flour meets water.'], ['buée', 'Vapeur mise dans le four pour une belle croûte.', 'steam', 'Steam put in the oven for a good crust.'], ['levain', 'Mélange de farine et d’eau qui fermente et fait lever le pain.', 'sourdough', 'A fermenting flour and water mix that makes bread rise.']],
    hazard: ['les brûlures du four et la poussière de farine', 'oven burns and flour dust'],
  },
  {
    id: 'cuisine', label: ['Cuisine', 'Cooking'], rome: 'G1609',
    summary: 'Le cuisinier prépare les plats d’une carte en respectant l’hygiène et le rythme du service.',
    verbs: [['Tailler', 'Cut'], ['Blanchir', 'Blanch'], ['Saisir', 'Sear'], ['Monter', 'Make'], ['Dresser', 'Plate'], ['Désosser', 'Bone'], ['Lier', 'Thicken'], ['Conserver', 'Store'], ['Mariner', 'Marinate'], ['Refroidir', 'Chill']],
    objects: [['une julienne de légumes', 'a julienne'], ['un fond brun', 'a brown stock'], ['une sauce émulsionnée', 'an emulsified sauce'], ['un poisson entier', 'a whole fish'], ['une volaille', 'a chicken'], ['une pâte brisée', 'a shortcrust pastry'], ['un plat du jour', 'a daily special'], ['une mise en place', 'a mise en place'], ['une chambre froide', 'a cold room'], ['un risotto', 'a risotto']],
    tools: [['Couteau d’office', 'Paring knife'], ['Planche à découper', 'Chopping board'], ['Mandoline', 'Mandoline'], ['Fouet', 'Whisk'], ['Sonde thermique', 'Probe thermometer'], ['Cellule de refroidissement', 'Blast chiller'], ['Chinois', 'Conical strainer'], ['Sauteuse', 'Sauté pan']],
    skills: [['cuisine-taillage', 'Tailler les légumes', 'Knife skills'], ['cuisine-cuissons', 'Maîtriser les cuissons', 'Cooking methods'], ['cuisine-sauces', 'Faire les sauces', 'Making sauces'], ['cuisine-poissons', 'Travailler le poisson', 'Preparing fish'], ['cuisine-viandes', 'Travailler la viande', 'Preparing meat'], ['cuisine-patisserie', 'Faire les pâtes de base', 'Basic pastry'], ['cuisine-haccp', "Appliquer l'hygiène HACCP", 'Applying HACCP'], ['cuisine-service', 'Tenir le service', 'Working the service']],
    terms: [['haccp', 'Méthode pour repérer et maîtriser les risques pour la santé en cuisine.', 'haccp', 'A method to find and control food safety risks.'], ['mise en place', 'Tout préparer avant le service.', 'mise en place', 'Getting everything ready before service.'], ['chaîne du froid', 'Garder les aliments froids sans coupure.', 'cold chain', 'Keeping food cold without a break.'], ['blanchir', 'Plonger un aliment un court moment dans l’eau bouillante.', 'blanch', 'Dipping food briefly in boiling water.'], ['émulsion', 'Mélange stable d’eau et de matière grasse.', 'emulsion', 'A stable mix of water and fat.']],
    hazard: ['les couteaux, les brûlures et les intoxications', 'knives, burns and food poisoning'],
  },
  {
    id: 'fibre-optique', label: ['Fibre optique', 'Fibre optics'], rome: 'I1311',
    summary: 'Le technicien fibre installe, raccorde et mesure les réseaux de fibre optique jusque chez l’abonné.',
    verbs: [['Souder', 'Splice'], ['Cliver', 'Cleave'], ['Dénuder', 'Strip'], ['Mesurer', 'Measure'], ['Raccorder', 'Connect'], ['Tirer', 'Pull'], ['Inspecter', 'Inspect'], ['Ranger', 'Organise'], ['Installer', 'Install'], ['Tester', 'Test']],
    objects: [['une fibre', 'a fibre'], ['une prise terminale optique', 'an optical outlet'], ['un boîtier de raccordement', 'a splice closure'], ['un connecteur', 'a connector'], ['un câble de branchement', 'a drop cable'], ['une cassette', 'a splice tray'], ['un point de branchement', 'a distribution point'], ['une jarretière', 'a patch cord'], ['un tiroir optique', 'a patch panel'], ['une gaine technique', 'a riser duct']],
    tools: [['Cliveuse', 'Cleaver'], ['Soudeuse à fusion', 'Fusion splicer'], ['Pince à dénuder fibre', 'Fibre stripper'], ['Photomètre', 'Power meter'], ['Réflectomètre', 'OTDR'], ['Microscope fibre', 'Fibre microscope'], ['Nettoyeur à clic', 'Click cleaner'], ['Boîte à déchets fibre', 'Fibre waste bin']],
    skills: [['fibre-optique-preparation', 'Préparer la fibre', 'Preparing fibre'], ['fibre-optique-soudure', 'Souder la fibre', 'Splicing'], ['fibre-optique-mesures', 'Faire les mesures optiques', 'Optical testing'], ['fibre-optique-raccordement', "Raccorder l'abonné", 'Connecting subscribers'], ['fibre-optique-tirage', 'Tirer les câbles', 'Pulling cables'], ['fibre-optique-connectique', 'Soigner la connectique', 'Connector care'], ['fibre-optique-documents', 'Remplir les documents', 'Job paperwork'], ['fibre-optique-securite', 'Travailler en sécurité', 'Working safely']],
    terms: [['clivage', 'Couper la fibre bien droit avant de la souder.', 'cleaving', 'Cutting the fibre square before splicing.'], ['épissure', 'Raccord de deux fibres par soudure.', 'splice', 'Two fibres joined by fusion.'], ['affaiblissement', 'La lumière perdue dans une liaison.', 'loss', 'The light lost along a link.'], ['pto', 'La prise optique chez l’abonné.', 'optical outlet', 'The fibre socket in the home.'], ['jarretière', 'Petit câble optique avec un connecteur à chaque bout.', 'patch cord', 'A short fibre cable with a connector at each end.']],
    hazard: ['la lumière laser invisible et les éclats de verre', 'invisible laser light and glass shards'],
  },
  {
    id: 'espaces-verts', label: ['Espaces verts', 'Grounds maintenance'], rome: 'A1203',
    summary: "L'agent d'espaces verts entretient les parcs, jardins et abords en respectant les plantes et les saisons.",
    verbs: [['Tailler', 'Prune'], ['Tondre', 'Mow'], ['Planter', 'Plant'], ['Désherber', 'Weed'], ['Pailler', 'Mulch'], ['Arroser', 'Water'], ['Débroussailler', 'Clear'], ['Ramasser', 'Collect'], ['Semer', 'Sow'], ['Entretenir', 'Maintain']],
    objects: [['une haie', 'a hedge'], ['un rosier', 'a rose bush'], ['une pelouse', 'a lawn'], ['un massif', 'a flower bed'], ['un arbuste', 'a shrub'], ['un jeune arbre', 'a young tree'], ['une allée', 'a path'], ['un talus', 'a bank'], ['un potager', 'a vegetable garden'], ['une prairie fleurie', 'a wildflower meadow']],
    tools: [['Sécateur', 'Secateurs'], ['Taille-haie', 'Hedge trimmer'], ['Tondeuse', 'Mower'], ['Débroussailleuse', 'Brush cutter'], ['Bêche', 'Spade'], ['Râteau', 'Rake'], ['Brouette', 'Wheelbarrow'], ['Gants et lunettes', 'Gloves and goggles']],
    skills: [['espaces-verts-taille', 'Tailler', 'Pruning'], ['espaces-verts-tonte', 'Tondre', 'Mowing'], ['espaces-verts-plantation', 'Planter', 'Planting'], ['espaces-verts-desherbage', 'Désherber sans produits', 'Chemical-free weeding'], ['espaces-verts-arrosage', 'Gérer l’arrosage', 'Watering'], ['espaces-verts-machines', 'Utiliser les machines', 'Using machines'], ['espaces-verts-vegetaux', 'Reconnaître les végétaux', 'Plant identification'], ['espaces-verts-securite', 'Travailler en sécurité', 'Working safely']],
    terms: [['paillage', 'Couche de matière posée au pied des plantes pour garder l’humidité.', 'mulch', 'A layer put round plants to keep moisture in.'], ['bourgeon', 'Petite pousse d’où sortira une feuille ou une fleur.', 'bud', 'A small growth that becomes a leaf or flower.'], ['taille de formation', 'Taille qui donne sa forme à une jeune plante.', 'formative pruning', 'Pruning that shapes a young plant.'], ['motte', 'La terre qui tient autour des racines.', 'root ball', 'The soil held round the roots.'], ['gazon', 'Herbe fine semée pour une pelouse.', 'turf', 'Fine grass sown for a lawn.']],
    hazard: ['les machines coupantes, le bruit et les projections', 'cutting machines, noise and flying debris'],
  },
];

/** Words and phrases the prose is built from, per language. */
const prose = {
  fr: {
    subjects: ['On', 'Le compagnon', "L'apprenti", 'Le tuteur', 'Chaque équipe', 'Le chef de chantier', 'Un bon professionnel', 'Le client', 'Tout le monde', 'Le senior', 'La personne qui débute'],
    verbs: ['vérifie', 'prépare', 'regarde', 'garde', 'protège', 'nettoie', 'mesure', 'contrôle', 'range', 'règle', 'choisit', 'note', 'explique', 'montre', 'répète', 'touche', 'écoute', 'compare', 'tient', 'reprend'],
    objects: ['le travail', 'la surface', 'le matériel', 'la zone', 'chaque pièce', 'le geste', 'le résultat', 'la mesure', 'les outils', 'le poste de travail', 'le support', 'la commande', 'le plan', 'les bords', 'le dernier réglage'],
    complements: ['avant de commencer', 'sans forcer', 'avec soin', 'à chaque fois', 'dès le matin', 'après chaque étape', 'au bon moment', 'calmement', 'de la même façon', 'deux fois plutôt qu’une', 'sous une bonne lumière', 'pendant tout le chantier', 'à la fin de la journée', 'avant de passer à la suite', 'en prenant son temps'],
    links: [', puis ', ' et ', ' parce que ', ', mais ', ' quand ', ' pour que ', ', sinon '],
    clauses: ['le travail reste propre', 'le résultat dure longtemps', 'personne ne se blesse', 'la reprise coûte cher', 'le client le voit tout de suite', 'on gagne du temps ensuite', 'le geste devient naturel', 'une erreur se voit trop tard', 'la qualité se joue là', 'le matériel s’use moins vite'],
    openers: ['Au début', 'Avec l’habitude', 'Sur un chantier', 'Dans un atelier', 'En pratique', 'Le premier jour', 'Souvent', 'Pour un débutant', 'Selon le senior', 'Quand le temps presse'],
    keyPoint: 'Point clé', why: 'Pourquoi', article: 'Le mot',
    headings: ['Comprendre avant de faire', 'Pas à pas', 'Ce qu’il faut savoir', 'Les erreurs fréquentes', 'Pour aller plus loin', 'Le geste du métier', 'Avant de commencer'],
    questions: ['Pourquoi faut-il vérifier le travail avant de continuer ?', 'Que faites-vous avant de commencer ?', 'Quel est le bon réflexe en cas de doute ?', 'Quelle est la première étape ?', 'Que faut-il contrôler à la fin ?', 'Quel outil protège vos mains ?'],
    wrongAnswers: ['Aller plus vite pour finir tôt', 'Laisser le client vérifier', 'Ne rien dire au tuteur', 'Forcer jusqu’à ce que ça tienne', 'Sauter une étape', 'Attendre le lendemain', 'Travailler sans protection'],
    rightAnswers: ['Contrôler avec soin avant de passer à la suite', 'Demander au tuteur et vérifier', 'Préparer le poste et les outils', 'Porter les protections adaptées', 'Reprendre le geste calmement'],
    checks: ['Le poste est propre et rangé', 'Les outils sont rangés et en bon état', 'Le résultat est contrôlé', 'Les protections sont retirées', 'Le tuteur a vu le travail', 'Les déchets sont triés', 'La zone est sûre pour les autres', 'Les mesures sont notées'],
    safety: (hazard: string) => `Attention : ${hazard}. Portez les protections prévues et gardez la zone dégagée. Si quelque chose vous semble dangereux, arrêtez-vous et demandez au tuteur.`,
  },
  en: {
    subjects: ['The tutor', 'The apprentice', 'A good worker', 'Each team', 'The senior', 'The site manager', 'The customer', 'Everyone', 'A beginner'],
    verbs: ['checks', 'prepares', 'looks at', 'keeps', 'protects', 'cleans', 'measures', 'sets', 'tidies', 'chooses', 'notes', 'explains', 'shows', 'repeats', 'compares', 'holds'],
    objects: ['the work', 'the surface', 'the kit', 'the area', 'each part', 'the movement', 'the result', 'the measurement', 'the tools', 'the workstation', 'the edges', 'the order', 'the drawing'],
    complements: ['before starting', 'without forcing', 'with care', 'every time', 'in the morning', 'after each step', 'at the right moment', 'calmly', 'the same way', 'twice rather than once', 'in good light', 'at the end of the day', 'before moving on'],
    links: [', then ', ' and ', ' because ', ', but ', ' when ', ' so that ', ', or else '],
    clauses: ['the work stays clean', 'the result lasts', 'nobody gets hurt', 'fixing it later costs more', 'the customer sees it at once', 'you save time later', 'the movement becomes natural', 'a mistake shows too late', 'quality is decided here', 'the kit wears less'],
    openers: ['At first', 'With practice', 'On site', 'In the workshop', 'In practice', 'On day one', 'Often', 'For a beginner', 'According to the senior', 'When time is short'],
    keyPoint: 'Key point', why: 'Why', article: 'The word',
    headings: ['Understand before you start', 'Step by step', 'What to know', 'Common mistakes', 'Going further', 'The trade’s way', 'Before you start'],
    questions: ['Why do you check the work before going on?', 'What do you do before you start?', 'What is the right thing to do when in doubt?', 'What is the first step?', 'What do you check at the end?', 'What protects your hands?'],
    wrongAnswers: ['Go faster to finish early', 'Let the customer check', 'Say nothing to the tutor', 'Force it until it holds', 'Skip a step', 'Wait until tomorrow', 'Work without protection'],
    rightAnswers: ['Check carefully before moving on', 'Ask the tutor and check', 'Prepare the workstation and tools', 'Wear the right protection', 'Redo the movement calmly'],
    checks: ['The workstation is clean and tidy', 'The tools are put away in good order', 'The result is checked', 'The protection is removed', 'The tutor has seen the work', 'The waste is sorted', 'The area is safe for others', 'The measurements are written down'],
    safety: (hazard: string) => `Watch out for ${hazard}. Wear the protection provided and keep the area clear. If something looks dangerous, stop and ask the tutor.`,
  },
} as const;

const firstNames = ['Jean', 'Marie', 'Nadia', 'Gérard', 'Fatou', 'Paul', 'Léa', 'Karim', 'Sophie', 'Ahmed', 'Claire', 'Mamadou', 'Isabelle', 'Luc', 'Samira', 'Bernard', 'Aïcha', 'Michel', 'Julie', 'Yves', 'Rachid', 'Martine', 'Olga', 'Thierry'];
const lastNames = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Benali', 'Diallo', 'Moreau', 'Laurent', 'Girard', 'Haddad', 'Roux', 'Fontaine', 'Mercier', 'Traoré', 'Blanc', 'Garnier', 'Chevalier', 'Kowalski', 'Petit', 'Nguyen'];
const contexts: readonly Pair[] = [['', ''], ['en rénovation', 'in a renovation'], ['en neuf', 'in new work'], ['en hauteur', 'at height'], ['par temps froid', 'in cold weather'], ['sur chantier', 'on site'], ['en atelier', 'in the workshop'], ['pas à pas', 'step by step'], ['sans erreur', 'without mistakes'], ['dans un espace étroit', 'in a tight space'], ['chez un client', 'at a customer’s'], ['en équipe', 'as a team']];
const genericTerms: readonly (readonly [string, string, string, string])[] = [
  ['tuteur', 'La personne qui accompagne l’apprenti au travail.', 'tutor', 'The person who guides the apprentice at work.'],
  ['epi', 'Équipements de protection individuelle : gants, lunettes, chaussures.', 'ppe', 'Personal protective equipment: gloves, goggles, boots.'],
  ['autocontrôle', 'Vérifier soi-même son travail avant de le rendre.', 'self-check', 'Checking your own work before handing it in.'],
];

// ---------------------------------------------------------------------------------------------
// Helpers

const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const stripArticle = (text: string) => text.replace(/^(un|une|le|la|les|l’|l'|a|an|the)\s+/i, '');
const dateFrom = (random: Random, year: number) => {
  const day = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000);
  return day.toISOString().slice(0, 10);
};

/** One sentence; `short` ones (step key points, under their labels) have no opener and no second clause. */
function sentence(random: Random, lang: Lang, extra: readonly string[] = [], short = false): string {
  const p = prose[lang];
  const object = extra.length > 0 && random.chance(0.5) ? random.pick(extra) : random.pick(p.objects);
  let text = `${random.pick(p.subjects)} ${random.pick(p.verbs)} ${object} ${random.pick(p.complements)}`;
  // Plain language: sentences stay under 22 words (the checker asks for at most 25).
  const clause = !short && random.chance(0.6) ? `${random.pick(p.links)}${random.pick(p.clauses)}` : '';
  if (clause && words(text + clause) <= 22) text += clause;
  const opener = !short && random.chance(0.3) ? `${random.pick(p.openers)}, ` : '';
  if (opener && words(opener + text) <= 22) text = `${opener}${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  if (lang === 'fr') text = text.replace(/\bque ([aeiouéyh])/g, "qu'$1");
  return `${capitalize(text)}.`;
}

function paragraph(random: Random, lang: Lang, extra: readonly string[], sentences = random.int(3, 6)): string {
  return Array.from({ length: sentences }, () => sentence(random, lang, extra)).join(' ');
}

/** `<Term>key</Term>`, the text being the glossary key itself. */
const term = (key: string) => `<Term>${key}</Term>`;

const block = (name: string, inner: string) => `<${name}>\n\n${inner}\n\n</${name}>`;

const termKey = (text: string) => text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * As an author does (and `relais check` asks, rule term-first-use): the first time the prose uses
 * a glossary word, it is a `<Term>`. Headings and the form labels of Quiz and Checklist are left
 * as they are; a word already shown as `<Term>` counts as introduced.
 */
function introduceTerms(body: string, keys: readonly string[]): string {
  const alternatives = [...new Set(keys.map(termKey))]
    .filter((key) => key.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘]").replace(/ /g, '\\s+'));
  if (alternatives.length === 0) return body;
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const introduced = new Set<string>();
  let inForm = false;
  return body
    .split('\n')
    .map((line) => {
      if (/^<(Quiz|Checklist)>$/.test(line)) inForm = true;
      else if (/^<\/(Quiz|Checklist)>$/.test(line)) inForm = false;
      const skip = inForm || line.startsWith('#') || line.startsWith('<');
      // Plain text between tags, in order; a `<Term>` met on the way introduces its word.
      return line
        .split(/(<Term>[^<]*<\/Term>|<[^>]*>)/)
        .map((part, index) => {
          if (index % 2 === 1) {
            const term = /^<Term>([^<]*)<\/Term>$/.exec(part);
            if (term) introduced.add(termKey(term[1]!));
            return part;
          }
          if (skip) return part;
          return part.replace(matcher, (word) => {
            const key = termKey(word);
            if (introduced.has(key)) return word;
            introduced.add(key);
            return `<Term>${word}</Term>`;
          });
        })
        .join('');
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The library

export interface GeneratedLibrary {
  modules: number;
  trades: number;
  skills: number;
  authors: number;
  paths: number;
  /** Words in module bodies, all modules. */
  words: number;
  englishModules: number;
}

interface PlannedModule {
  id: string;
  slug: string;
  trade: TradeSpec;
  index: number;
  lang: Lang;
  level: 1 | 2 | 3;
  title: string;
}

/** Splits `total` over weights by largest remainder; every share ≥ 1 when total ≥ weights.length. */
function share(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const minimum = total >= weights.length ? 1 : 0;
  const rest = total - minimum * weights.length;
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => minimum + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

/** Writes the library into `dir` (created if needed; existing files with the same names are replaced). */
export function generateLibrary(dir: string, modules: number, seed = 1): GeneratedLibrary {
  if (!Number.isInteger(modules) || modules < 1) throw new Error(`Expected a positive whole number of modules, got ${modules}`);
  const random = createRandom(seed);
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  // library.yaml
  write('library.yaml', [
    '# Synthetic library written by scripts/generate-library.ts for benchmarks.',
    `name: ${q(`Bibliothèque de banc d'essai (${modules} modules, graine ${seed})`)}`,
    'version: 1.0.0',
    'centre: centre-banc-essai',
    'licence: CC-BY-SA-4.0',
    'taxonomy:',
    '  rome: "4.0 v60 (25M09)"',
    '  esco: "1.1.1"',
    '',
  ].join('\n'));

  // trades and skills
  for (const trade of trades) {
    write(`trades/${trade.id}.yaml`, `label: { fr: ${q(trade.label[0])}, en: ${q(trade.label[1])} }\nrome: ${trade.rome}\nsummary: ${q(trade.summary)}\n`);
    for (const [id, fr, en] of trade.skills) {
      const lower = fr.charAt(0).toLowerCase() + fr.slice(1);
      write(`skills/${id}.yaml`, [
        `trade: ${trade.id}`,
        'label:',
        `  fr: ${q(fr)}`,
        `  en: ${q(en)}`,
        'levels:',
        `  1: ${q(`Peut expliquer pourquoi et comment ${lower}, et les risques du geste.`)}`,
        `  2: ${q(`Sait ${lower} avec un tuteur, en suivant les étapes.`)}`,
        `  3: ${q(`Sait ${lower} seul, proprement et en sécurité.`)}`,
        '',
      ].join('\n'));
    }
  }

  // authors: about one per 50 modules, spread over the trades
  const authorCount = Math.max(1, Math.round(modules / 50));
  const authorIds: string[] = [];
  const authorTrades = new Map<string, Set<string>>();
  for (let i = 0; i < authorCount; i++) {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;
    const round = Math.floor(i / (firstNames.length * lastNames.length));
    authorIds.push(slugify(name) + (round > 0 ? `-${round + 1}` : ''));
    authorTrades.set(authorIds[i]!, new Set());
  }
  const authorsOfTrade = new Map<string, string[]>();
  trades.forEach((trade, t) => {
    const own = authorIds.filter((_, i) => i % trades.length === t);
    const list = own.length > 0 ? own : [authorIds[t % authorIds.length]!];
    authorsOfTrade.set(trade.id, list);
    for (const author of list) authorTrades.get(author)!.add(trade.id);
  });
  authorIds.forEach((id, i) => {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;
    const ownTrades = [...authorTrades.get(id)!];
    const labels = ownTrades.map((t) => trades.find((x) => x.id === t)!.label[0].toLowerCase()).join(', ');
    const years = random.int(8, 42);
    const lines = [
      `name: ${q(name)}`,
      `trades: [${ownTrades.join(', ')}]`,
      `years: ${years}`,
      'story: >-',
      `  ${name.split(' ')[0]} a travaillé ${years} ans en ${labels}. ${paragraph(random, 'fr', [], 3)}`,
      `consent: { publish: true, date: ${dateFrom(random, 2025)} }`,
      'example: true',
    ];
    if (i > 0 && random.chance(0.1)) lines.push(`learnedFrom: [${authorIds[random.int(0, i - 1)]}]`);
    write(`authors/${id}.yaml`, lines.join('\n') + '\n');
  });

  // glossaries
  const glossary = (lang: Lang) => {
    const entries = [...trades.flatMap((trade) => trade.terms), ...genericTerms];
    const seen = new Set<string>();
    const lines = [lang === 'fr' ? '# Glossaire : les mots du métier en mots simples.' : '# Glossary: trade words in plain words.'];
    for (const [fr, frDef, en, enDef] of entries) {
      const key = lang === 'fr' ? fr : en;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${q(key)}:`, `  definition: ${q(lang === 'fr' ? frDef : enDef)}`, '  glosses:', `    ${lang === 'fr' ? 'en' : 'fr'}: ${q(lang === 'fr' ? en : fr)}`);
    }
    write(`glossary/${lang}.yaml`, lines.join('\n') + '\n');
  };
  glossary('fr');
  glossary('en');

  // plan modules: ids, languages and levels first, so prerequisites can point back
  const counts = share(modules, trades.map(() => 0.6 + random.next() * 0.8));
  const planned: PlannedModule[] = [];
  trades.forEach((trade, t) => {
    const used = new Set<string>();
    for (let index = 0; index < counts[t]!; index++) {
      const lang: Lang = random.chance(0.1) ? 'en' : 'fr';
      const verb = random.pick(trade.verbs);
      const object = random.pick(trade.objects);
      const context = random.pick(contexts);
      const l = lang === 'fr' ? 0 : 1;
      const base = slugify([verb[0], stripArticle(object[0]), context[0]].join(' '));
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      const suffix = slug === base ? '' : ` (${slug.slice(base.length + 1)})`;
      const title = `${verb[l]} ${object[l]}${context[l] ? ` ${context[l]}` : ''}${suffix}`.slice(0, 80);
      const level = index < counts[t]! / 3 ? random.pick([1, 1, 2] as const) : random.pick([1, 2, 2, 3, 3] as const);
      planned.push({ id: `${trade.id}/${slug}`, slug, trade, index, lang, level, title });
    }
  });

  // modules
  let totalWords = 0;
  const byTrade = new Map<string, PlannedModule[]>();
  for (const module of planned) {
    const list = byTrade.get(module.trade.id) ?? [];
    list.push(module);
    byTrade.set(module.trade.id, list);
  }
  for (const module of planned) {
    const earlier = byTrade.get(module.trade.id)!.slice(0, module.index);
    // Prerequisites point only to earlier modules of the same trade: the graph has no cycle.
    const prerequisites = earlier.length === 0 || random.chance(0.35) ? [] : random.sample(earlier.slice(-40), random.int(1, Math.min(2, earlier.length))).map((m) => m.id);
    const { text, bodyWords } = writeModule(random, module, authorsOfTrade.get(module.trade.id)!, prerequisites);
    totalWords += bodyWords;
    write(`modules/${module.id}.mdx`, text);
  }

  // paths: one per trade, three stages by level
  for (const trade of trades) {
    const list = byTrade.get(trade.id) ?? [];
    const ofLevel = (level: number, max: number) => list.filter((m) => m.level === level).slice(0, max).map((m) => m.id);
    const stage = (fr: string, en: string, hours: number, ids: string[], validation: string) => [
      `  - title: { fr: ${q(fr)}, en: ${q(en)} }`,
      `    hours: ${hours}`,
      ids.length === 0 ? '    modules: []' : `    modules:\n${ids.map((id) => `      - ${id}`).join('\n')}`,
      `    validation: ${validation}`,
    ].join('\n');
    write(`paths/parcours-${trade.id}.yaml`, [
      `title: { fr: ${q(`Parcours ${trade.label[0].toLowerCase()}`)}, en: ${q(`${trade.label[1]} path`)} }`,
      `summary: ${q(`Trois étapes pour apprendre le métier : découvrir, pratiquer avec un tuteur, puis travailler seul.`)}`,
      `trade: ${trade.id}`,
      'stages:',
      stage('Découvrir le métier', 'Discover the trade', 35, ofLevel(1, 6), 'quiz'),
      stage('Pratiquer avec un tuteur', 'Practise with a tutor', 140, ofLevel(2, 8), 'tutor'),
      stage('Travailler en autonomie', 'Work on your own', 280, ofLevel(3, 8), 'company'),
      '',
    ].join('\n'));
  }

  return {
    modules: planned.length,
    trades: trades.length,
    skills: trades.length * 8,
    authors: authorIds.length,
    paths: trades.length,
    words: totalWords,
    englishModules: planned.filter((m) => m.lang === 'en').length,
  };
}

function writeModule(random: Random, module: PlannedModule, authors: readonly string[], prerequisites: readonly string[]): { text: string; bodyWords: number } {
  const { trade, lang } = module;
  const l = lang === 'fr' ? 0 : 1;
  const p = prose[lang];
  const objects = trade.objects.map((o) => o[l]);
  const termKeys = [...trade.terms.map((t) => (lang === 'fr' ? t[0] : t[2])), ...genericTerms.map((t) => (lang === 'fr' ? t[0] : t[2]))];
  const glossaryKeys = [...trades.flatMap((other) => other.terms), ...genericTerms].map((t) => (lang === 'fr' ? t[0] : t[2]));
  const skillIds = random.sample(trade.skills.map((s) => s[0]), random.chance(0.7) ? 1 : 2);
  const moduleAuthors = authors.length > 1 && random.chance(0.15) ? random.sample(authors, 2) : [random.pick(authors)];
  const targetWords = random.int(400, 900);

  // The know-how blocks, as real modules have them.
  const tools = random.sample(trade.tools, random.int(4, 7)).map((tool, i) => {
    const name = tool[l];
    return i === 0 && random.chance(0.5) ? `- ${name} (${lang === 'fr' ? 'voir' : 'see'} ${term(random.pick(termKeys))})` : `- ${name}`;
  });
  if (lang === 'fr') tools.push('- Gants et lunettes de protection');
  else tools.push('- Gloves and safety glasses');
  const stepCount = random.int(4, 8);
  const steps = Array.from({ length: stepCount }, (_, i) => {
    const verb = random.pick(trade.verbs)[l];
    const action = `${verb} ${random.pick(objects)}`;
    const said = sentence(random, lang, objects, true).replace(/\.$/, '');
    const key = said.charAt(0).toLowerCase() + said.slice(1);
    const why = random.pick(p.clauses);
    return `${i + 1}. **${capitalize(action)}.** ${p.keyPoint}${lang === 'fr' ? ' :' : ':'} ${key}. ${p.why}${lang === 'fr' ? ' :' : ':'} ${why}.`;
  });
  const blocks: string[] = [];
  blocks.push(block('Tools', tools.join('\n')));
  const hasSafety = random.chance(0.65);
  if (hasSafety) blocks.push(block('Safety', p.safety(trade.hazard[l])));
  blocks.push(`## ${random.pick(p.headings)}`);
  blocks.push(block('Steps', steps.join('\n')));
  if (random.chance(0.3)) blocks.push(`<Clip at="00:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}" />`);
  const mistakes = hasSafety ? random.int(0, 2) : random.int(1, 2);
  for (let i = 0; i < mistakes; i++) blocks.push(block('Mistake', paragraph(random, lang, objects, random.int(2, 4))));
  blocks.push(block('Tip', paragraph(random, lang, objects, random.int(2, 4))));
  const checks = random.sample(p.checks, random.int(3, 6)).map((c) => `- [ ] ${c}`);
  blocks.push(block('Checklist', checks.join('\n')));
  const quizzes = random.int(1, 2);
  for (let i = 0; i < quizzes; i++) {
    const right = random.sample(p.rightAnswers, random.chance(0.8) ? 1 : 2);
    const wrong = random.sample(p.wrongAnswers, random.int(2, 3));
    const answers = random.sample([...right.map((a) => `- [x] ${a}`), ...wrong.map((a) => `- [ ] ${a}`)], right.length + wrong.length);
    blocks.push(block('Quiz', `${random.pick(p.questions)}\n\n${answers.join('\n')}`));
  }

  // Prose around the blocks until the module reaches its length.
  const intro: string[] = [];
  const withTerm = (text: string) => {
    const key = random.pick(termKeys);
    return `${text} ${p.article} ${term(key)} ${lang === 'fr' ? 'revient souvent dans ce travail.' : 'comes up often in this work.'}`;
  };
  intro.push(withTerm(paragraph(random, lang, objects)));
  const fixedWords = words([...intro, ...blocks].join('\n').replace(/<[^>]+>/g, ' '));
  let count = fixedWords;
  const extra: string[] = [];
  while (count < targetWords) {
    const text = random.chance(0.2) ? withTerm(paragraph(random, lang, objects)) : paragraph(random, lang, objects);
    extra.push(text);
    count += words(text);
  }
  // Half the extra prose opens the module, the rest sits after the steps, under its own heading.
  const split = Math.ceil(extra.length / 2);
  const bodyParts = [...intro, ...extra.slice(0, split), ...blocks];
  if (extra.length > split) bodyParts.splice(bodyParts.length - quizzes - 1, 0, `## ${random.pick(p.headings)}`, ...extra.slice(split));

  const duration = Math.max(5, Math.round(count / 40 / 5) * 5 + random.int(0, 2) * 5);
  const frontmatter = [
    '---',
    `title: ${q(module.title)}`,
    `summary: ${q(sentence(random, lang, objects))}`,
    `trade: ${trade.id}`,
    `skills: [${skillIds.join(', ')}]`,
    `level: ${module.level}`,
    `duration: ${duration}`,
    `language: ${lang}`,
    `authors: [${moduleAuthors.join(', ')}]`,
    `prerequisites: [${prerequisites.join(', ')}]`,
    'status: published',
    ...(random.chance(0.5) ? [`reviewed: { by: ${random.pick(authors)}, on: ${dateFrom(random, 2026)} }`] : []),
    'licence: CC-BY-SA-4.0',
    '---',
  ];
  const body = introduceTerms(bodyParts.join('\n\n'), glossaryKeys);
  return { text: `${frontmatter.join('\n')}\n\n${body}\n`, bodyWords: words(body.replace(/<[^>]+>/g, ' ')) };
}

// ---------------------------------------------------------------------------------------------
// CLI

function usage(): never {
  console.error('Usage: node scripts/generate-library.ts <dir> --modules N [--seed S]');
  process.exit(2);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let dir: string | undefined;
  let modules = 1000;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--modules' || arg === '--seed') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) usage();
      if (arg === '--modules') modules = value;
      else seed = value;
    } else if (arg.startsWith('--')) usage();
    else if (dir === undefined) dir = arg;
    else usage();
  }
  if (!dir) usage();
  const started = performance.now();
  const result = generateLibrary(dir, modules, seed);
  console.log(
    `Wrote ${result.modules} modules (${result.englishModules} in English, ${result.words} words), ${result.trades} trades, ${result.skills} skills, ${result.authors} authors, ${result.paths} paths to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
