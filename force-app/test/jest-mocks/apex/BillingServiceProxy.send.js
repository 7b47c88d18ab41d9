export default jest.fn();
