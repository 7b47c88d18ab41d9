// Base-component feature gates that cannot work in a plain page: ElementInternals needs native
// shadow DOM, and the preview (like Lightning today) uses synthetic shadow.
export default { isOpen: () => false };
